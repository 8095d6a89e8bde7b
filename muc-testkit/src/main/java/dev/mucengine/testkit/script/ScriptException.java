package dev.mucengine.testkit.script;

/**
 * A malformed script: the message names the file and line ({@code file:line: problem}), so the
 * author can go straight to it. Never carries a stack trace worth showing.
 */
public final class ScriptException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The file as given to the parser. */
    private final String file;
    /** The line of the problem; 0 when the file could not be read. */
    private final int line;
    /** The problem, without its location. */
    private final String problem;

    /**
     * A problem at {@code file:line}.
     *
     * @param file the file as given to the parser
     * @param line the 1-based line of the problem, or 0 when it concerns the whole file
     * @param problem what is wrong, in one line
     */
    public ScriptException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem, null, false, false);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /**
     * The script's file, as given to the parser.
     *
     * @return the file
     */
    public String file() {
        return file;
    }

    /**
     * 1-based line number of the offending line.
     *
     * @return the line number; 0 when the file could not be read at all
     */
    public int line() {
        return line;
    }

    /**
     * The problem without the location.
     *
     * @return the problem, in one line
     */
    public String problem() {
        return problem;
    }
}
