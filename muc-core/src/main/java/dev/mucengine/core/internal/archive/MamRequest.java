package dev.mucengine.core.internal.archive;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.ArchivePolicy;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * An archive query (XEP-0313 §4) as the room reads it: the data form's filters ({@code start},
 * {@code end}, {@code with}, {@code before-id}, {@code after-id}, {@code ids}), the RSM page
 * ({@code max}, {@code after}, {@code before}, an empty {@code before} for the last page), and
 * {@code <flip-page/>}. A field the room does not know is feature-not-implemented; a malformed
 * value bad-request; a {@code with} naming a real JID, for someone who may not see real JIDs,
 * forbidden (XEP-0313 §4.1.1).
 *
 * @param queryId the client's {@code queryid}, repeated in every result
 * @param query what the store is asked
 * @param flip whether the page goes out newest first
 */
record MamRequest(Optional<String> queryId, ArchiveQuery query, boolean flip) {

    private static final Set<String> FIELDS = Set.of("FORM_TYPE", "start", "end", "with", "before-id", "after-id",
            "ids");

    /**
     * Reads the query. {@code cutoff}, the retention's age limit, narrows {@code start}: messages
     * older than it are gone for readers even before the store has deleted them.
     */
    static Checked<MamRequest> parse(Element query, RoomView room, boolean seesRealJids, ArchivePolicy policy,
            Optional<Instant> cutoff) {
        Builder b = new Builder();
        Optional<Element> form = query.child(XmppNamespaces.DATA, "x");
        Optional<StanzaError> refusal = form.flatMap(f -> b.readForm(DataForm.fromElement(f), room, seesRealJids));
        if (refusal.isEmpty() && b.ids.size() > policy.maxPageSize()) {
            // More ids than one page could return: a bound on what one request may make the store do.
            refusal = refusal(Condition.POLICY_VIOLATION, "At most " + policy.maxPageSize() + " ids per query");
        }
        if (refusal.isEmpty()) {
            refusal = query.child(XmppNamespaces.RSM, "set").flatMap(b::readPage);
        }
        if (refusal.isPresent()) {
            return Checked.refused(refusal.get());
        }
        int max = Math.min(b.max.orElse(policy.maxPageSize()), policy.maxPageSize());
        Optional<Instant> start = b.start;
        if (cutoff.isPresent() && (start.isEmpty() || start.get().isBefore(cutoff.get()))) {
            start = cutoff;
        }
        ArchiveQuery q = new ArchiveQuery(start, b.end, b.nick, b.realJid, b.afterId, b.beforeId, b.ids,
                b.pageAfter, b.pageBefore, max, b.fromEnd);
        return Checked.accepted(new MamRequest(query.attribute("queryid"), q,
                query.child(XmppNamespaces.MAM, "flip-page").isPresent()));
    }

    private static Optional<StanzaError> refusal(Condition condition, String text) {
        return Optional.of(StanzaError.of(condition).withText(text));
    }

    /** The query being read. */
    private static final class Builder {

        Optional<Instant> start = Optional.empty();
        Optional<Instant> end = Optional.empty();
        Optional<Resourcepart> nick = Optional.empty();
        Optional<Jid> realJid = Optional.empty();
        Optional<String> afterId = Optional.empty();
        Optional<String> beforeId = Optional.empty();
        List<String> ids = new ArrayList<>();
        Optional<String> pageAfter = Optional.empty();
        Optional<String> pageBefore = Optional.empty();
        boolean fromEnd;
        Optional<Integer> max = Optional.empty();

        Optional<StanzaError> readForm(DataForm form, RoomView room, boolean seesRealJids) {
            if (form.formType().filter(t -> !t.equals(XmppNamespaces.MAM)).isPresent()) {
                return refusal(Condition.BAD_REQUEST, "FORM_TYPE must be " + XmppNamespaces.MAM);
            }
            for (FormField f : form.fields()) {
                if (!FIELDS.contains(f.var())) {
                    // XEP-0313 §4.1.5: a field the archive does not know.
                    return refusal(Condition.FEATURE_NOT_IMPLEMENTED, "Unknown field " + f.var());
                }
            }
            try {
                start = instant(form, "start");
                end = instant(form, "end");
            } catch (DateTimeParseException e) {
                return refusal(Condition.BAD_REQUEST, "start and end must be XEP-0082 date-times");
            }
            Optional<String> with = single(form, "with");
            if (with.isPresent()) {
                Optional<StanzaError> refused = readWith(with.get(), room, seesRealJids);
                if (refused.isPresent()) {
                    return refused;
                }
            }
            afterId = single(form, "after-id");
            beforeId = single(form, "before-id");
            for (String id : form.values("ids")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
            return Optional.empty();
        }

        /** An occupant JID filters by nickname; any other JID by real JID, for those who may see them. */
        private Optional<StanzaError> readWith(String raw, RoomView room, boolean seesRealJids) {
            Jid jid;
            try {
                jid = JidCreate.from(raw.strip());
            } catch (XmppStringprepException | IllegalArgumentException e) {
                return refusal(Condition.JID_MALFORMED, "with is not a JID");
            }
            if (jid.asBareJid().equals(room.jid()) && jid.getResourceOrNull() != null) {
                nick = Optional.of(jid.getResourceOrThrow());
                return Optional.empty();
            }
            if (!seesRealJids) {
                // XEP-0313 §4.1.1: only for those who would know who sent what.
                return refusal(Condition.FORBIDDEN, "Only those who may see real JIDs may filter by one");
            }
            realJid = Optional.of(jid);
            return Optional.empty();
        }

        Optional<StanzaError> readPage(Element set) {
            if (set.child(XmppNamespaces.RSM, "index").isPresent()) {
                return refusal(Condition.FEATURE_NOT_IMPLEMENTED, "Paging by index is not supported; use after or before");
            }
            Optional<String> rawMax = set.childText(XmppNamespaces.RSM, "max");
            if (rawMax.isPresent()) {
                try {
                    int value = Integer.parseInt(rawMax.get().strip());
                    if (value < 0) {
                        return refusal(Condition.BAD_REQUEST, "max must not be negative");
                    }
                    max = Optional.of(value);
                } catch (NumberFormatException e) {
                    return refusal(Condition.BAD_REQUEST, "max must be a number");
                }
            }
            Optional<Element> after = set.child(XmppNamespaces.RSM, "after");
            Optional<Element> before = set.child(XmppNamespaces.RSM, "before");
            if (after.isPresent() && before.isPresent()) {
                // XEP-0313 §4.3: undefined together; before-id and after-id give a range.
                return refusal(Condition.BAD_REQUEST, "Use before-id and after-id for a range, not before and after");
            }
            pageAfter = after.map(Element::text).map(String::strip).filter(s -> !s.isEmpty());
            if (after.isPresent() && pageAfter.isEmpty()) {
                return refusal(Condition.BAD_REQUEST, "after needs an id");
            }
            fromEnd = before.isPresent();
            pageBefore = before.map(Element::text).map(String::strip).filter(s -> !s.isEmpty());
            return Optional.empty();
        }

        private static Optional<String> single(DataForm form, String var) {
            return form.field(var).flatMap(FormField::value).map(String::strip).filter(s -> !s.isEmpty());
        }

        private static Optional<Instant> instant(DataForm form, String var) {
            return single(form, var).map(v -> OffsetDateTime.parse(v).toInstant());
        }
    }
}
