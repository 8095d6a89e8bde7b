package dev.mucengine.core.muc;

import dev.mucengine.core.internal.config.Invalid;
import dev.mucengine.core.internal.nick.NickResult;
import dev.mucengine.core.internal.nick.NicknamePrep;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The one rule for room nicknames: strict Resourceprep (XEP-0045 §7.2.1 makes nicknames
 * resourceparts; RFC 6122 Appendix B, unassigned code points refused) and at most a service's
 * number of code points. Entering, changing nickname, registering, reserving a nickname in an
 * admin item and approving a voice request all go through it, so a nickname refused in one place
 * is refused in every other with the same error.
 */
public final class Nicknames {

    private Nicknames() {
    }

    /**
     * The nickname as the room stores and compares it, or the refusal: {@code jid-malformed} for
     * a nickname that fails strict Resourceprep, {@code not-acceptable} for one longer than
     * {@code maxLength} code points.
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

    private static Checked<Resourcepart> invalid() {
        return Checked.refused(Condition.JID_MALFORMED, "Nickname must pass strict validation");
    }
}
