package dev.mucengine.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.TestRooms;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.service.Limits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class RoomConfigFormTest {

    private final Room room = TestRooms.room(JidCreate.entityBareFromOrThrowUnchecked("r@muc.example"),
            RoomConfig.defaults());
    private final RoomConfigForm form = TestRooms.STANDARD.configForm();

    private ConfigDraft.Outcome submit(FormField... fields) {
        return form.parse(DataForm.of("submit", List.of(fields)), room, Limits.DEFAULTS);
    }

    private static FormField field(String var, String... values) {
        return new FormField(var, Optional.empty(), Optional.empty(), Optional.empty(), false, List.of(values),
                List.of());
    }

    @Test
    void maxUsersOffersTheCurrentValueAmongTheNumbers() {
        room.setConfig(room.config().toBuilder().maxUsers(42).build());
        FormField rendered = form.render(room).field("muc#roomconfig_maxusers").orElseThrow();
        assertThat(rendered.values()).containsExactly("42");
        assertThat(rendered.options()).extracting(FormField.Option::value)
                .containsExactly("10", "20", "30", "42", "50", "100", "none");
    }

    @Test
    void everyListOptionHasALabel() {
        // Clients show an option without a label as its absence: profanity printed "(null)".
        room.setConfig(room.config().toBuilder().maxUsers(42).build());
        List<FormField> lists = form.render(room).fields().stream().filter(f -> !f.options().isEmpty()).toList();
        assertThat(lists).extracting(FormField::var).contains("muc#roomconfig_maxusers", "muc#roomconfig_whois",
                "muc#roomconfig_allowpm", "muc#roomconfig_presencebroadcast", "muc#roomconfig_getmemberlist");
        assertThat(lists).flatExtracting(FormField::options).allSatisfy(o -> assertThat(o.label()).isPresent());
        assertThat(form.render(room).field("muc#roomconfig_maxusers").orElseThrow().options())
                .extracting(o -> o.label().orElseThrow())
                .containsExactly("10", "20", "30", "42", "50", "100", "No limit");
    }

    @Test
    void maxUsersNoneAndZeroMeanNoLimit() {
        room.setConfig(room.config().toBuilder().maxUsers(42).build());
        assertThat(((ConfigDraft.Accepted) submit(field("muc#roomconfig_maxusers", "none"))).config().maxUsers())
                .isZero();
        assertThat(((ConfigDraft.Accepted) submit(field("muc#roomconfig_maxusers", "0"))).config().maxUsers())
                .isZero();
        assertThat(((ConfigDraft.Accepted) submit(field("muc#roomconfig_maxusers", "7"))).config().maxUsers())
                .isEqualTo(7);
    }

    @Test
    void parsingNeverTouchesTheRoom() {
        ConfigDraft.Outcome outcome = submit(field("muc#roomconfig_roomname", "Renamed"));
        assertThat(outcome).isInstanceOf(ConfigDraft.Accepted.class);
        assertThat(room.config()).isEqualTo(RoomConfig.defaults());
    }

    @Test
    void secretAloneProtectsTheRoomAndProtectionNeedsASecret() {
        assertThat(((ConfigDraft.Accepted) submit(field("muc#roomconfig_roomsecret", "pw"))).config().password())
                .contains("pw");
        assertThat(submit(field("muc#roomconfig_passwordprotectedroom", "1")))
                .isInstanceOf(ConfigDraft.Rejected.class);
        assertThat(((ConfigDraft.Accepted) submit(field("muc#roomconfig_passwordprotectedroom", "true"),
                field("muc#roomconfig_roomsecret", "pw"))).config().password()).contains("pw");
    }

    @Test
    void everyAxisHasADiscoFeatureWhereTheXepNamesOne() {
        assertThat(TestRooms.STANDARD.discoFeatures(room)).containsExactly(
                "http://jabber.org/protocol/muc#request", "jabber:iq:register",
                "http://jabber.org/protocol/muc#self-ping-optimization", "vcard-temp", "muc_public", "muc_temporary",
                "muc_unmoderated", "muc_open", "muc_unsecured", "muc_semianonymous");
    }

    @Test
    void renderedFormIsTypeForm() {
        DataForm rendered = form.render(room);
        assertThat(rendered.type()).isEqualTo("form");
        assertThat(rendered.toElement().attribute("type")).contains("form");
    }
}
