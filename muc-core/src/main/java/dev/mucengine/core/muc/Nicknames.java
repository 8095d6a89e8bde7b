package dev.mucengine.core.muc;

import dev.mucengine.core.internal.config.Invalid;
import dev.mucengine.core.internal.nick.NickResult;
import dev.mucengine.core.internal.nick.NicknamePrep;
import dev.mucengine.core.internal.nick.PrecisNickname;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The one rule for room nicknames: strict Resourceprep (XEP-0045 §7.2.1 makes nicknames
 * resourceparts; RFC 6122 Appendix B, unassigned code points refused), the PRECIS Nickname
 * profile's space rules (RFC 8266 §2.2: no leading, trailing or doubled space; a nickname of
 * spaces only is none) and at most a service's number of code points. Nicknames compare as RFC
 * 8266 §2.3 says, case-mapped ({@link #comparisonKey}): {@code "Bob"} conflicts with {@code "bob"}. Entering, changing nickname, registering, reserving a nickname in an
 * admin item and approving a voice request all go through it, so a nickname refused in one place
 * is refused in every other with the same error.
 */
public final class Nicknames {

    private Nicknames() {
    }

    /**
     * The nickname as the room stores it, or the refusal: {@code jid-malformed} for a nickname
     * that fails strict Resourceprep or the space rules, {@code not-acceptable} for one longer
     * than {@code maxLength} code points.
     *
     * @param raw the nickname as sent
     * @param maxLength the most code points allowed
     *     ({@link dev.mucengine.core.service.Limits#maxNickLength()})
     * @return the prepared nickname, or the refusal
     */
    public static Checked<Resourcepart> prepare(String raw, int maxLength) {
        NickResult result = NicknamePrep.prepare(raw);
        if (result instanceof NickResult.Invalid) {
            return invalid();
        }
        String prepared = ((NickResult.Valid) result).nickname();
        String enforced = PrecisNickname.enforce(prepared);
        if (enforced.isEmpty()) {
            return Checked.refused(Condition.JID_MALFORMED, "A nickname of spaces only is no nickname");
        }
        if (!enforced.equals(prepared)) {
            return Checked.refused(Condition.JID_MALFORMED,
                    "A nickname must not begin or end with a space, nor hold two in a row");
        }
        if (prepared.codePointCount(0, prepared.length()) > maxLength) {
            return Checked.refused(Condition.NOT_ACCEPTABLE, "Nickname is too long");
        }
        try {
            return Checked.accepted(Resourcepart.from(prepared));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return invalid();
        }
    }

    /**
     * The nickname after Resourceprep's mapping and normalization, whether or not it is valid:
     * the occupant JID an error about it comes from.
     *
     * @param raw the nickname as sent
     * @return the mapped and normalized nickname
     */
    public static String normalized(String raw) {
        NickResult result = NicknamePrep.prepare(raw);
        return result instanceof NickResult.Valid v ? v.nickname() : ((NickResult.Invalid) result).prepared();
    }

    /**
     * What nicknames are compared by: two nicknames with the same key are the same nickname in a
     * room (one occupant, one reservation).
     *
     * @param nick a nickname {@link #prepare} accepted
     * @return its comparison key (RFC 8266 §2.3)
     */
    public static String comparisonKey(Resourcepart nick) {
        return PrecisNickname.comparisonKey(nick.toString());
    }

    private static Checked<Resourcepart> invalid() {
        return Checked.refused(Condition.JID_MALFORMED, "Nickname must pass strict validation");
    }
}
