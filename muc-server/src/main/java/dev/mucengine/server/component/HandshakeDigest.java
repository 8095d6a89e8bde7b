package dev.mucengine.server.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The XEP-0114 handshake value: lower-case hex SHA-1 of the stream id followed by the secret. */
final class HandshakeDigest {

    private HandshakeDigest() {
    }

    static String of(String streamId, String secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's documented requirements).
            throw new IllegalStateException(e);
        }
    }
}
