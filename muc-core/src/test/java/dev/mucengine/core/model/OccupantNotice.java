package dev.mucengine.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.xml.Element;
import java.util.HashSet;
import java.util.Set;

/**
 * What a room's occupant presence tells its recipient, read as a client reads it: the status
 * codes and the item (role, affiliation, new nickname) of its muc#user {@code <x/>}. The engine's
 * codec reads only what clients send to rooms, so the model reads what rooms send itself.
 *
 * @param codes the status codes
 * @param item the item
 */
record OccupantNotice(Set<Integer> codes, MucItem item) {

    static final int SELF = 110;
    static final int NEW_NICK = 303;
    static final int CREATED = 201;

    static OccupantNotice of(Presence presence) {
        Element x = presence.payload(MucNamespaces.MUC_USER, "x").orElse(null);
        assertThat(x).as("the muc#user element of %s", presence).isNotNull();
        Set<Integer> codes = new HashSet<>();
        for (Element status : x.children(MucNamespaces.MUC_USER, "status")) {
            codes.add(Integer.parseInt(status.attribute("code").orElseThrow()));
        }
        Element item = x.child(MucNamespaces.MUC_USER, "item").orElse(null);
        assertThat(item).as("the item of %s", presence).isNotNull();
        Checked<MucItem> decoded = MucCodec.decodeItem(item);
        assertThat(decoded.refusal()).as("the item of %s", presence).isEmpty();
        return new OccupantNotice(codes, decoded.value());
    }
}
