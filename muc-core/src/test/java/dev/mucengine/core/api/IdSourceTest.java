package dev.mucengine.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSourceTest {

    @Test
    void sequentialIdsRepeatFromOneSourceToTheNext() {
        assertThat(IdSource.sequential("m-").nextId()).isEqualTo(IdSource.sequential("m-").nextId()).isEqualTo("m-1");
    }

    @Test
    void uniqueIdsDifferWithinASourceAndBetweenSources() {
        Set<String> seen = new HashSet<>();
        for (int source = 0; source < 100; source++) {
            IdSource ids = IdSource.unique();
            for (int i = 0; i < 100; i++) {
                assertThat(seen.add(ids.nextId())).isTrue();
            }
        }
        assertThat(IdSource.unique().nextId()).matches("[0-9a-v]{16}-1");
    }

    @Test
    void uniqueSecretsAreFreshRandomMaterialUnrelatedToTheIds() {
        IdSource ids = IdSource.unique();
        String id = ids.nextId();
        String secret = ids.nextSecret();
        // 256 bits, base64url: 43 characters; nothing of the public id prefix in them.
        assertThat(secret).matches("[A-Za-z0-9_-]{43}").doesNotContain(id.substring(0, 16));
        assertThat(ids.nextSecret()).isNotEqualTo(secret);
        assertThat(ids.nextId()).startsWith(id.substring(0, 17)).endsWith("-2");
    }

    @Test
    void sequentialSecretsRepeatAndShiftNoId() {
        IdSource ids = IdSource.sequential("s-");
        assertThat(ids.nextSecret()).isEqualTo("s-secret1").isEqualTo(IdSource.sequential("s-").nextSecret());
        assertThat(ids.nextId()).isEqualTo("s-1");
    }
}
