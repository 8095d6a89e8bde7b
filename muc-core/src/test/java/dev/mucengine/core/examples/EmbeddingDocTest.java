package dev.mucengine.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The module docs/embedding.md shows is the module ModuleSeamTest runs. */
class EmbeddingDocTest {

    private static String withoutPackage(String source) {
        return source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
    }

    @Test
    void theWordFilterInTheDocsIsTheTestedOne() throws IOException {
        String doc = Files.readString(Path.of("../docs/embedding.md"));
        int start = doc.indexOf("```java\npackage com.example.muc;");
        assertThat(start).as("the example in docs/embedding.md").isNotNegative();
        String shown = doc.substring(start + "```java\n".length(), doc.indexOf("```", start + 3));
        String tested = Files.readString(
                Path.of("src/test/java/dev/mucengine/core/examples/WordFilter.java"));
        assertThat(withoutPackage(shown)).isEqualTo(withoutPackage(tested));
    }
}
