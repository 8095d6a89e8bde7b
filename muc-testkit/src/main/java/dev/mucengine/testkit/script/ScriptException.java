package dev.mucengine.testkit.script;

/**
 * A malformed script: the message names the file and line ({@code file:line: problem}), so the
 * author can go straight to it. Never carries a stack trace worth showing.
 */
public final class ScriptException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public ScriptException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem, null, false, false);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line number of the offending line. */
    public int line() {
        return line;
    }

    /** The problem without the location. */
    public String problem() {
        return problem;
    }
}
