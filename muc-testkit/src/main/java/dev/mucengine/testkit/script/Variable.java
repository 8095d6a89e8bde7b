package dev.mucengine.testkit.script;

import java.util.Objects;

/**
 * A reference {@code ${Name's full JID}} or {@code ${Name's JID}} inside a stanza.
 *
 * @param client the character's name
 * @param fullJid true for {@code full JID}, false for the bare {@code JID}
 */
public record Variable(String client, boolean fullJid) {

    /**
     * Checks the variable.
     *
     * @param client the character's name
     * @param fullJid true for the full JID, false for the bare JID
     * @throws NullPointerException if {@code client} is null
     */
    public Variable {
        Objects.requireNonNull(client, "client");
    }

    /**
     * The variable as written in a script.
     *
     * @return {@code ${Name's full JID}} or {@code ${Name's JID}}
     */
    public String source() {
        return "${" + client + "'s " + (fullJid ? "full JID" : "JID") + "}";
    }
}
