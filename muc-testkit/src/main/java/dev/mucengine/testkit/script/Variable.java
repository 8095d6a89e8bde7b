package dev.mucengine.testkit.script;

import java.util.Objects;

/**
 * A reference {@code ${Name's full JID}} or {@code ${Name's JID}} inside a stanza.
 *
 * @param client the character's name
 * @param fullJid true for {@code full JID}, false for the bare {@code JID}
 */
public record Variable(String client, boolean fullJid) {

    public Variable {
        Objects.requireNonNull(client, "client");
    }

    /** The variable as written in a script. */
    public String source() {
        return "${" + client + "'s " + (fullJid ? "full JID" : "JID") + "}";
    }
}
