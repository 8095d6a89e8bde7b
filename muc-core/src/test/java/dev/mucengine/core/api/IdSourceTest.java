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
}
