package dev.mucengine.testkit.script;

/** One step of a script, with the line it starts on. */
public sealed interface Action
        permits Action.Connect, Action.Disconnect, Action.Send, Action.Receive, Action.ReceiveNothing {

    /**
     * The client this step belongs to.
     *
     * @return the character's name, as declared by {@code [Client] Name}
     */
    String client();

    /**
     * 1-based line of the action line.
     *
     * @return the line number
     */
    int line();

    /**
     * {@code Name connects}.
     *
     * @param client the character's name
     * @param line the action's line
     */
    record Connect(String client, int line) implements Action {
    }

    /**
     * {@code Name disconnects}.
     *
     * @param client the character's name
     * @param line the action's line
     */
    record Disconnect(String client, int line) implements Action {
    }

    /**
     * {@code Name sends:} followed by the stanza.
     *
     * @param client the character's name
     * @param line the action's line
     * @param stanza the stanza to send, from the indented lines that follow
     */
    record Send(String client, int line, StanzaTemplate stanza) implements Action {
    }

    /**
     * {@code Name receives:} followed by the expected stanza.
     *
     * @param client the character's name
     * @param line the action's line
     * @param expected the stanza the client must receive next, matched by
     *     {@link dev.mucengine.testkit.match.ElementMatcher}
     */
    record Receive(String client, int line, StanzaTemplate expected) implements Action {
    }

    /**
     * {@code Name receives: nothing}.
     *
     * @param client the character's name
     * @param line the action's line
     */
    record ReceiveNothing(String client, int line) implements Action {
    }

    /**
     * A short human description, e.g. {@code Romeo receives}.
     *
     * @return the client's name and the verb
     */
    default String describe() {
        if (this instanceof Connect) {
            return client() + " connects";
        } else if (this instanceof Disconnect) {
            return client() + " disconnects";
        } else if (this instanceof Send) {
            return client() + " sends";
        } else if (this instanceof Receive) {
            return client() + " receives";
        }
        return client() + " receives: nothing";
    }
}
