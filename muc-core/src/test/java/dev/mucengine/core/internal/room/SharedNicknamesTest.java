package dev.mucengine.core.internal.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.parts.Resourcepart;

class SharedNicknamesTest {

    private final SharedNicknames nicknames = new SharedNicknames();

    @Test
    void equalNicknamesShareOneCopyAndOthersKeepTheirs() {
        Resourcepart first = Resourcepart.fromOrThrowUnchecked("Juliet");
        Resourcepart again = Resourcepart.fromOrThrowUnchecked("Juliet");
        Resourcepart other = Resourcepart.fromOrThrowUnchecked("juliet");

        assertThat(nicknames.shared(first)).isSameAs(first);
        assertThat(nicknames.shared(again)).as("an equal nickname parsed anew").isSameAs(first);
        assertThat(nicknames.shared(other)).as("another nickname, case included").isSameAs(other);
    }
}
