package dev.mucengine.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A query of one room's archive: which messages match, and which page of them to return. Every
 * filter narrows the matches; the page is the first {@code max} matches in archive order, or the
 * last {@code max} when {@code fromEnd} (XEP-0313 §4.3: RSM {@code before}, the last page). The
 * form's {@code after-id}/{@code before-id} and RSM's {@code after}/{@code before} all bound the
 * matches the same way; they differ only in that RSM {@code before} pages backwards.
 *
 * @param start only messages received at or after this instant
 * @param end only messages received at or before this instant
 * @param nick only messages sent under this nickname (a {@code with} of an occupant JID)
 * @param realJid only messages whose sender's real JID is this one (a bare JID matches every
 *     resource of it)
 * @param afterId only messages after this one in archive order (it is not included)
 * @param beforeId only messages before this one in archive order (it is not included)
 * @param ids only these messages; empty for no such restriction
 * @param pageAfter only messages after this one (RSM {@code after}: the next page)
 * @param pageBefore only messages before this one (RSM {@code before} with an id: the previous page)
 * @param max the most messages in the page, at least 0
 * @param fromEnd whether the page is the last {@code max} matches rather than the first
 */
public record ArchiveQuery(Optional<Instant> start, Optional<Instant> end, Optional<Resourcepart> nick,
        Optional<Jid> realJid, Optional<String> afterId, Optional<String> beforeId, List<String> ids,
        Optional<String> pageAfter, Optional<String> pageBefore, int max, boolean fromEnd) {

    /**
     * Checks the query.
     *
     * @param start only messages at or after this instant
     * @param end only messages at or before this instant
     * @param nick only messages under this nickname
     * @param realJid only messages from this real JID
     * @param afterId only messages after this one
     * @param beforeId only messages before this one
     * @param ids only these messages
     * @param pageAfter only messages after this one
     * @param pageBefore only messages before this one
     * @param max the page size
     * @param fromEnd the last page rather than the first
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public ArchiveQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(beforeId, "beforeId");
        ids = List.copyOf(ids);
        Objects.requireNonNull(pageAfter, "pageAfter");
        Objects.requireNonNull(pageBefore, "pageBefore");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
    }

    /**
     * Every id the query names, which the archive must hold (XEP-0313: item-not-found otherwise).
     *
     * @return the bounds and the ids asked for
     */
    public List<String> namedIds() {
        List<String> named = new ArrayList<>(ids);
        afterId.ifPresent(named::add);
        beforeId.ifPresent(named::add);
        pageAfter.ifPresent(named::add);
        pageBefore.ifPresent(named::add);
        return named;
    }

    /**
     * The newest {@code max} messages of the archive, oldest first.
     *
     * @param max how many
     * @return the query
     */
    public static ArchiveQuery newest(int max) {
        return new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), max, true);
    }
}
