package dev.mucengine.testkit.server;

import dev.mucengine.core.xml.Element;
import dev.mucengine.testkit.report.PrettyXml;
import java.util.ArrayList;
import java.util.List;

/** Every stanza in and out of a replay, in order, with what happened to it. */
public final class Transcript {

    private final List<String> lines = new ArrayList<>();

    /** A line of its own, e.g. the step being run. */
    public void note(String text) {
        lines.add(text);
    }

    /** A stanza event: a one-line heading, then the indented stanza. */
    public void stanza(String heading, Element stanza) {
        lines.add("  " + heading);
        lines.add(PrettyXml.render(stanza, "      "));
    }

    /** Everything so far, one entry per event. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
