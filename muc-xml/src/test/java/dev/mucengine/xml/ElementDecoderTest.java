package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Woodstox configuration is the second line of defence: these bytes bypass
 * {@link ElementFramer} and go straight to the decoder.
 */
class ElementDecoderTest {

    private final ElementDecoder decoder = new ElementDecoder(XmlLimits.DEFAULTS);

    private StreamErrorCondition failure(String start, String element) {
        XmlFailure f = catchThrowableOfType(XmlFailure.class, () -> decoder.decode(
                start.getBytes(StandardCharsets.UTF_8), element.getBytes(StandardCharsets.UTF_8),
                "</w>".getBytes(StandardCharsets.UTF_8), Optional.empty()));
        assertThat(f).isNotNull();
        return f.error().condition();
    }

    @Test
    void internalEntityIsNeitherExpandedNorAccepted() {
        assertThat(failure("<!DOCTYPE w [<!ENTITY e 'x'>]><w>", "<a>&e;</a>"))
                .isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void externalEntityIsNotResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("s.txt");
        Files.writeString(secret, "TOP-SECRET");
        assertThat(failure("<!DOCTYPE w [<!ENTITY e SYSTEM '" + secret.toUri() + "'>]><w>",
                "<a>&e;</a>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void commentsAndProcessingInstructionsAreRestricted() {
        assertThat(failure("<w>", "<a><!--x--></a>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(failure("<w>", "<a><?p x?></a>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void undeclaredEntityIsRestricted() {
        assertThat(failure("<w>", "<a>&foo;</a>")).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }
}
