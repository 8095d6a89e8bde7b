package dev.mucengine.server.c2s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of SASL SCRAM-SHA-1 (RFC 5802) without channel binding: client-first,
 * server-first, client-final, server-final. Unknown users get a made-up salt so that the
 * exchange looks the same as for a wrong password.
 */
final class ScramSha1Mechanism implements SaslMechanism {

    static final String NAME = "SCRAM-SHA-1";

    private enum State { FIRST, FINAL, DONE }

    private final Function<String, Optional<ScramCredentials>> credentialsOf;
    private final String serverNonceSuffix;
    private State state = State.FIRST;
    private String username = "";
    private String clientFirstBare = "";
    private String serverFirst = "";
    private String nonce = "";
    private Optional<ScramCredentials> credentials = Optional.empty();

    /**
     * @param credentialsOf what the server keeps for a user name, if it is an account
     * @param serverNonce the server's part of the nonce, fresh for each exchange ({@link #randomNonce})
     */
    ScramSha1Mechanism(Function<String, Optional<ScramCredentials>> credentialsOf, String serverNonce) {
        this.credentialsOf = credentialsOf;
        this.serverNonceSuffix = serverNonce;
    }

    /** A fresh server nonce: 18 random bytes, base64 without the characters SCRAM reserves. */
    static String randomNonce(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '-').replace('/', '_');
    }

    @Override
    public SaslStep evaluate(byte[] clientMessage) {
        String message = new String(clientMessage, StandardCharsets.UTF_8);
        return switch (state) {
            case FIRST -> first(message);
            case FINAL -> last(message);
            case DONE -> new SaslStep.Failure("malformed-request");
        };
    }

    private SaslStep first(String message) {
        // gs2-header: "n,," (no channel binding, no authzid) or "y,,"; "p=" needs TLS we lack.
        if (!(message.startsWith("n,") || message.startsWith("y,"))) {
            return fail("malformed-request");
        }
        int bareStart = message.indexOf(',', 2);
        if (bareStart < 0) {
            return fail("malformed-request");
        }
        clientFirstBare = message.substring(bareStart + 1);
        Optional<String> user = attribute(clientFirstBare, 'n');
        Optional<String> clientNonce = attribute(clientFirstBare, 'r');
        if (user.isEmpty() || clientNonce.isEmpty() || clientNonce.get().isEmpty()) {
            return fail("malformed-request");
        }
        username = user.get().replace("=2C", ",").replace("=3D", "=");
        credentials = credentialsOf.apply(username);
        ScramCredentials c = credentials.orElseGet(() -> ScramCredentials.derive("", new byte[16], 1));
        nonce = clientNonce.get() + serverNonceSuffix;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(c.salt())
                + ",i=" + (credentials.isPresent() ? c.iterations() : Accounts.ITERATIONS);
        state = State.FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep last(String message) {
        state = State.DONE;
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            return fail("malformed-request");
        }
        String withoutProof = message.substring(0, proofAt);
        Optional<String> channel = attribute(withoutProof, 'c');
        Optional<String> r = attribute(withoutProof, 'r');
        if (channel.isEmpty() || r.isEmpty() || !r.get().equals(nonce)) {
            return fail("malformed-request");
        }
        if (credentials.isEmpty()) {
            return fail("not-authorized");
        }
        ScramCredentials c = credentials.get();
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return fail("incorrect-encoding");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = ScramSha1.hmac(c.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return fail("not-authorized");
        }
        byte[] clientKey = ScramSha1.xor(proof, clientSignature);
        if (!MessageDigest.isEqual(ScramSha1.hash(clientKey), c.storedKey())) {
            return fail("not-authorized");
        }
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(
                ScramSha1.hmac(c.serverKey(), authMessage));
        return new SaslStep.Success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep fail(String condition) {
        state = State.DONE;
        return new SaslStep.Failure(condition);
    }

    private static Optional<String> attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return Optional.of(part.substring(2));
            }
        }
        return Optional.empty();
    }
}
