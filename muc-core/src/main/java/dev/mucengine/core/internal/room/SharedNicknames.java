package dev.mucengine.core.internal.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The nicknames rooms keep for their occupants, one copy each. Every join carries its own parsed
 * copy of the nickname (some 60 bytes), yet a user in many rooms is there under the same
 * nickname in most of them (clients offer one per account): one copy is enough.
 *
 * <p>One per service, shared by its rooms (and so safe for use from several threads); bounded:
 * when full, the table starts again, which only costs sharing.
 */
final class SharedNicknames {

    /** Distinct nicknames held at once. */
    private static final int CAPACITY = 16_384;

    private final Map<Resourcepart, Resourcepart> nicknames = new ConcurrentHashMap<>();

    /** An equal nickname: the shared copy. */
    Resourcepart shared(Resourcepart nick) {
        Resourcepart existing = nicknames.get(nick);
        if (existing != null) {
            return existing;
        }
        if (nicknames.size() >= CAPACITY) {
            nicknames.clear();
        }
        Resourcepart raced = nicknames.putIfAbsent(nick, nick);
        return raced == null ? nick : raced;
    }
}
