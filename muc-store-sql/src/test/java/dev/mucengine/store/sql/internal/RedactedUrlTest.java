package dev.mucengine.store.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operators see which database failed, never its credentials. */
class RedactedUrlTest {

    @Test
    void parametersAndUserInformationAreDropped() {
        assertThat(RedactedUrl.of("jdbc:postgresql://db.example:5432/muc?user=muc&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example:5432/muc");
        assertThat(RedactedUrl.of("jdbc:postgresql://muc:s3cret@db.example/muc")).isEqualTo("jdbc:postgresql://db.example/muc");
        assertThat(RedactedUrl.of("jdbc:postgresql://u:p@w@db.example")).isEqualTo("jdbc:postgresql://db.example");
        assertThat(RedactedUrl.of("jdbc:postgresql:muc?password=x")).isEqualTo("jdbc:postgresql:muc");
        assertThat(RedactedUrl.of("jdbc:postgresql://h1:5432,h2:5433/muc")).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/muc");
    }
}
