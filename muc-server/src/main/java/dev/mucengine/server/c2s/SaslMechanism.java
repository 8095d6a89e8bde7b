package dev.mucengine.server.c2s;

/** The server side of one SASL exchange; one instance per attempt, used by one thread. */
interface SaslMechanism {

    /** The client's initial response ({@code <auth/>}) or a later {@code <response/>}. */
    SaslStep evaluate(byte[] clientMessage);
}
