package dev.mucengine.testkit.report;

import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;

/**
 * The multi-line report of a failed step: what was expected, what was at the head of the
 * client's queue, and what else was queued, all as indented XML.
 */
public final class FailureReport {

    private static final String MARGIN = "    ";

    private FailureReport() {
    }

    /**
     * @param reason the one-line reason ({@code file:line: ...})
     * @param expected the expected stanza, variables expanded; empty for {@code receives: nothing}
     * @param client the client whose queue is shown
     * @param head the stanza the step looked at; empty if the queue was empty
     * @param rest the stanzas queued behind it
     */
    public static String render(String reason, Optional<Element> expected, String client,
            Optional<Element> head, List<Element> rest) {
        StringBuilder sb = new StringBuilder(reason).append('\n');
        expected.ifPresent(e -> sb.append("Expected:\n").append(PrettyXml.render(e, MARGIN)).append('\n'));
        sb.append("Received (head of ").append(client).append("'s queue):\n");
        sb.append(head.map(e -> PrettyXml.render(e, MARGIN)).orElse(MARGIN + "nothing")).append('\n');
        if (rest.isEmpty()) {
            sb.append("Nothing else queued for ").append(client).append('.');
        } else {
            sb.append("Also queued for ").append(client).append(" (").append(rest.size()).append("):\n");
            for (Element e : rest) {
                sb.append(PrettyXml.render(e, MARGIN)).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }
}
