package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** RFC 5802 §5: the SCRAM-SHA-1 example exchange, user "user", password "pencil". */
class ScramSha1MechanismTest {

    private static final String CLIENT_FIRST = "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL";
    private static final String SERVER_FIRST =
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    private static final String CLIENT_FINAL =
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
    private static final String SERVER_FINAL = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

    private static final String SERVER_NONCE = "3rfcNHYJY1ZVvWVs7j";

    /** The RFC's one account, with the RFC's salt. */
    private final Function<String, Optional<ScramCredentials>> accounts = user -> user.equals("user")
            ? Optional.of(ScramCredentials.derive("pencil", Base64.getDecoder().decode("QSXCR+Q6sek8bf92"),
                    Accounts.ITERATIONS))
            : Optional.empty();

    @Test
    void reproducesTheRfc5802Example() {
        ScramSha1Mechanism m = new ScramSha1Mechanism(accounts, SERVER_NONCE);

        SaslStep first = m.evaluate(bytes(CLIENT_FIRST));
        SaslStep last = m.evaluate(bytes(CLIENT_FINAL));

        assertThat(first).isInstanceOf(SaslStep.Challenge.class);
        assertThat(text(((SaslStep.Challenge) first).data())).isEqualTo(SERVER_FIRST);
        assertThat(last).isInstanceOf(SaslStep.Success.class);
        SaslStep.Success success = (SaslStep.Success) last;
        assertThat(success.username()).isEqualTo("user");
        assertThat(text(success.additionalData())).isEqualTo(SERVER_FINAL);
    }

    @Test
    void rejectsAWrongProof() {
        ScramSha1Mechanism m = new ScramSha1Mechanism(accounts, SERVER_NONCE);
        m.evaluate(bytes(CLIENT_FIRST));

        SaslStep last = m.evaluate(bytes(CLIENT_FINAL.replace("p=v0X8", "p=w0X8")));

        assertThat(last).isEqualTo(new SaslStep.Failure("not-authorized"));
    }

    @Test
    void rejectsAnUnknownUserOnlyAtTheEnd() {
        ScramSha1Mechanism m = new ScramSha1Mechanism(accounts, SERVER_NONCE);

        SaslStep first = m.evaluate(bytes("n,,n=nobody,r=fyko+d2lbbFgONRv9qkxdawL"));
        SaslStep last = m.evaluate(bytes(CLIENT_FINAL));

        assertThat(first).isInstanceOf(SaslStep.Challenge.class);
        assertThat(last).isEqualTo(new SaslStep.Failure("not-authorized"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
