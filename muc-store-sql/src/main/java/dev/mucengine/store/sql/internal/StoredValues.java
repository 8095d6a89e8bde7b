package dev.mucengine.store.sql.internal;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.store.StoreUnavailableException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Columns read back into values. The store wrote them from valid values, so a failure means the
 * database was changed behind its back: reported as a store fault naming the value.
 */
final class StoredValues {

    private StoredValues() {
    }

    static EntityBareJid room(String s) {
        try {
            return JidCreate.entityBareFrom(s);
        } catch (XmppStringprepException | RuntimeException e) {
            throw corrupt("room JID", s, e);
        }
    }

    static BareJid bare(String s) {
        try {
            return JidCreate.bareFrom(s);
        } catch (XmppStringprepException | RuntimeException e) {
            throw corrupt("bare JID", s, e);
        }
    }

    static Jid jid(String s) {
        try {
            return JidCreate.from(s);
        } catch (XmppStringprepException | RuntimeException e) {
            throw corrupt("JID", s, e);
        }
    }

    static Resourcepart nick(String s) {
        try {
            return Resourcepart.from(s);
        } catch (XmppStringprepException | RuntimeException e) {
            throw corrupt("nickname", s, e);
        }
    }

    static Affiliation affiliation(String s) {
        return Affiliation.fromWire(s).orElseThrow(() -> corrupt("affiliation", s, null));
    }

    /** The first millisecond at or after {@code t}, clamped to a long: a lower bound that lets nothing earlier in. */
    static long ceilMillis(Instant t) {
        try {
            long floor = t.toEpochMilli();
            return t.getNano() % 1_000_000 == 0 ? floor : floor + 1;
        } catch (ArithmeticException outOfRange) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The last millisecond at or before {@code t}, clamped: an upper bound that lets nothing later in. */
    static long floorMillis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException outOfRange) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static StoreUnavailableException corrupt(String what, String value, @Nullable Throwable cause) {
        return new StoreUnavailableException("a stored " + what + " is not valid: '" + value + "'", cause);
    }
}
