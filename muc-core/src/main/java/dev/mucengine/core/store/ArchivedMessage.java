package dev.mucengine.core.store;

import dev.mucengine.core.stanza.Message;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One message in a room's archive (XEP-0313 §3): a groupchat message with a body, or a subject
 * change, as the room sent it to its occupants.
 *
 * @param id the archive id, also the message's XEP-0359 stanza id; unique across restarts and
 *     never reused
 * @param at when the room received the message, kept to the millisecond (what every store keeps)
 * @param nick the sender's nickname at the time
 * @param realJid the sender's real (full) JID, shown in query results only to those who may see
 *     real JIDs
 * @param message the message as every occupant got it: from the sender's occupant JID, with its
 *     {@code <stanza-id/>}, without a {@code to} address
 */
public record ArchivedMessage(String id, Instant at, Resourcepart nick, Optional<Jid> realJid, Message message) {

    /**
     * Checks that nothing is missing.
     *
     * @param id the archive id
     * @param at when the room received the message
     * @param nick the sender's nickname
     * @param realJid the sender's real JID
     * @param message the message as sent
     */
    public ArchivedMessage {
        Objects.requireNonNull(id, "id");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(message, "message");
    }
}
