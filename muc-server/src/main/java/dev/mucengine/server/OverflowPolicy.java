package dev.mucengine.server;

/** What a {@link ChannelOutput} does when its queue is full, that is, when the peer reads too slowly. */
public enum OverflowPolicy {

    /**
     * The peer is not reading: drop what is queued and close the connection at once. Senders
     * never wait, so a client that stops reading cannot stall the engine or anyone else. For c2s
     * clients, who reconnect.
     */
    DISCONNECT,

    /**
     * The sender waits for room, so the engine slows to the peer's pace, and so does whatever
     * feeds the engine: back-pressure. For a peer that is the only way out and must not lose
     * stanzas, the server of a component link. The wait ends when there is room, or when the
     * output ends. The selector thread that writes the output never waits.
     */
    BACK_PRESSURE
}
