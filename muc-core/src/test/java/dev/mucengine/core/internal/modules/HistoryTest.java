package dev.mucengine.core.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.HistoryRequest;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.xml.XmlWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class HistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static History withMessages(int capacity, int count) {
        History h = new History(capacity);
        for (int i = 1; i <= count; i++) {
            h.append(Message.builder(MessageType.GROUPCHAT).from(JidCreate.fromOrThrowUnchecked("r@m/n"))
                    .textChild("body", "m" + i).build(), T0.plusSeconds(i * 10L));
        }
        return h;
    }

    private static List<String> bodies(List<History.Entry> entries) {
        return entries.stream().map(e -> e.message().body().orElse("")).toList();
    }

    private static HistoryRequest request(OptionalInt chars, OptionalInt stanzas, OptionalInt seconds,
            Optional<Instant> since) {
        return new HistoryRequest(chars, stanzas, seconds, since);
    }

    /** The size of an entry as the history module counts it: the stanza as sent on a client stream. */
    private static int size(History.Entry e) {
        return XmlWriter.length(e.message().element());
    }

    private static List<History.Entry> select(History h, HistoryRequest request, Instant now) {
        return h.select(request, now, HistoryTest::size);
    }

    @Test
    void keepsOnlyTheNewestUpToCapacity() {
        History h = withMessages(3, 5);
        assertThat(bodies(select(h, HistoryRequest.EVERYTHING, T0.plusSeconds(100)))).containsExactly("m3", "m4", "m5");
    }

    @Test
    void zeroCapacityKeepsNothing() {
        assertThat(withMessages(0, 5).size()).isZero();
    }

    @Test
    void maxStanzasTakesTheNewestOldestFirst() {
        History h = withMessages(20, 5);
        assertThat(bodies(select(h, request(OptionalInt.empty(), OptionalInt.of(2), OptionalInt.empty(),
                Optional.empty()), T0.plusSeconds(100)))).containsExactly("m4", "m5");
        assertThat(select(h, request(OptionalInt.empty(), OptionalInt.of(0), OptionalInt.empty(), Optional.empty()),
                T0)).isEmpty();
    }

    @Test
    void secondsAndSinceCountBackFromNow() {
        History h = withMessages(20, 5); // stamps +10s .. +50s
        assertThat(bodies(select(h, request(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(25),
                Optional.empty()), T0.plusSeconds(50)))).containsExactly("m3", "m4", "m5");
        assertThat(bodies(select(h, request(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.of(T0.plusSeconds(40))), T0.plusSeconds(50)))).containsExactly("m4", "m5");
    }

    @Test
    void maxCharsCountsWholeStanzas() {
        History h = withMessages(20, 3);
        int one = size(select(h, HistoryRequest.EVERYTHING, T0).get(2));
        assertThat(bodies(select(h, request(OptionalInt.of(one), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty()), T0))).containsExactly("m3");
        assertThat(select(h, request(OptionalInt.of(one - 1), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty()), T0)).isEmpty();
    }

    @Test
    void limitsCombine() {
        History h = withMessages(20, 5);
        assertThat(bodies(select(h, request(OptionalInt.empty(), OptionalInt.of(3), OptionalInt.empty(),
                Optional.of(T0.plusSeconds(45))), T0.plusSeconds(50)))).containsExactly("m5");
    }

    @Test
    void deliveryIsStampedByTheRoomAndAddressedToTheRecipient() {
        History h = withMessages(20, 1);
        Message delivered = History.delivery(select(h, HistoryRequest.EVERYTHING, T0).get(0), JidCreate.entityBareFromOrThrowUnchecked("r@m"),
                JidCreate.fromOrThrowUnchecked("u@example.com/x"));
        assertThat(delivered.to()).contains(JidCreate.fromOrThrowUnchecked("u@example.com/x"));
        assertThat(delivered.toString()).contains("<delay xmlns='urn:xmpp:delay' from='r@m' stamp='2026-01-01T00:00:10Z'/>");
    }
}
