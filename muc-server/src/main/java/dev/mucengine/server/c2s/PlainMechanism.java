package dev.mucengine.server.c2s;

import java.nio.charset.StandardCharsets;

/** SASL PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL password}. */
final class PlainMechanism implements SaslMechanism {

    static final String NAME = "PLAIN";

    private final Accounts accounts;

    PlainMechanism(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public SaslStep evaluate(byte[] clientMessage) {
        String[] parts = new String(clientMessage, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3) {
            return new SaslStep.Failure("malformed-request");
        }
        String authzid = parts[0];
        String user = parts[1];
        // Acting as another user is not supported; an authzid naming oneself is harmless.
        if (!authzid.isEmpty() && !authzid.startsWith(user + "@")) {
            return new SaslStep.Failure("invalid-authzid");
        }
        if (!accounts.checkPassword(user, parts[2])) {
            return new SaslStep.Failure("not-authorized");
        }
        return new SaslStep.Success(user, new byte[0]);
    }
}
