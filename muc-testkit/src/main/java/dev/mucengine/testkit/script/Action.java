package dev.mucengine.testkit.script;

/** One step of a script, with the line it starts on. */
public sealed interface Action
        permits Action.Connect, Action.Disconnect, Action.Send, Action.Receive, Action.ReceiveNothing {

    /** The client this step belongs to. */
    String client();

    /** 1-based line of the action line. */
    int line();

    /** {@code Name connects}. */
    record Connect(String client, int line) implements Action {
    }

    /** {@code Name disconnects}. */
    record Disconnect(String client, int line) implements Action {
    }

    /** {@code Name sends:} followed by the stanza. */
    record Send(String client, int line, StanzaTemplate stanza) implements Action {
    }

    /** {@code Name receives:} followed by the expected stanza. */
    record Receive(String client, int line, StanzaTemplate expected) implements Action {
    }

    /** {@code Name receives: nothing}. */
    record ReceiveNothing(String client, int line) implements Action {
    }

    /** A short human description, e.g. {@code Romeo receives:}. */
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
