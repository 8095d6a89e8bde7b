package dev.mucengine.server.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandshakeDigestTest {

    @Test
    void isTheLowerCaseHexSha1OfStreamIdThenSecret() {
        // Computed independently: python3 -c "import hashlib;print(hashlib.sha1(b'3BF96D32secret').hexdigest())"
        assertThat(HandshakeDigest.of("3BF96D32", "secret")).isEqualTo("b09ea9b3b7f586be8a08d0a3dd7466f110aeb136");
    }

    @Test
    void encodesNonAsciiSecretsAsUtf8() {
        assertThat(HandshakeDigest.of("id", "sécret")).isEqualTo(FakeComponentServer.sha1Hex("idsécret"))
                .isNotEqualTo(HandshakeDigest.of("id", "secret"));
    }
}
