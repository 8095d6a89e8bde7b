package dev.mucengine.server;

/** A connection's output as its {@link OutputBudget} sees it: what it holds, and how to end it. */
interface HeldOutput {

    /** The bytes (as counted for the bound) queued or being written. */
    long heldBytes();

    /** Ends this output as if its own bound had overflowed: under DISCONNECT, its peer is disconnected. */
    void overflow();
}
