package dev.mucengine.store.sql.internal;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.PmPolicy;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RoomConfig} as one XML document, every field an element. Read tolerantly, so that a
 * configuration written by an older or newer version still opens: an unknown element is ignored
 * and a missing one takes {@link RoomConfig#defaults()}'s value. A value that is there but
 * malformed is an error rather than a default: silently opening a members-only room is worse
 * than refusing to load it.
 */
public final class ConfigXml {

    /** The document's namespace; its version changes only with an incompatible format. */
    public static final String NAMESPACE = "urn:mucengine:store:room-config:1";

    private ConfigXml() {
    }

    /**
     * The configuration as a document.
     *
     * @param c the configuration
     * @return its XML
     */
    public static String write(RoomConfig c) {
        ElementBuilder b = Element.builder(NAMESPACE, "config");
        text(b, "name", c.name());
        text(b, "description", c.description());
        text(b, "language", c.language());
        text(b, "persistent", c.persistent());
        text(b, "public", c.publicRoom());
        text(b, "members-only", c.membersOnly());
        text(b, "moderated", c.moderated());
        c.password().ifPresent(p -> text(b, "password", p));
        text(b, "whois", c.whois().wireName());
        text(b, "max-users", Integer.toString(c.maxUsers()));
        roles(b, "presence-broadcast", c.presenceBroadcast());
        text(b, "allow-pm", c.allowPm().wireName());
        text(b, "allow-invites", c.allowInvites());
        text(b, "change-subject", c.changeSubject());
        text(b, "enable-logging", c.enableLogging());
        roles(b, "get-member-list", c.getMemberList());
        text(b, "allow-voice-requests", c.allowVoiceRequests());
        text(b, "allow-registration", c.allowRegistration());
        c.settings().forEach((var, values) -> {
            ElementBuilder setting = Element.builder(NAMESPACE, "setting").attribute("var", var);
            for (String v : values) {
                setting.textChild(NAMESPACE, "value", v);
            }
            b.child(setting.build());
        });
        return StoredXml.write(b.build());
    }

    /**
     * Reads a stored configuration.
     *
     * @param xml the document
     * @param room the room's address, for error messages
     * @return the configuration
     * @throws StoreUnavailableException if the document is not readable or a value is malformed
     */
    public static RoomConfig read(String xml, String room) {
        Element root = StoredXml.parse(xml, "configuration of " + room);
        RoomConfigBuilder b = RoomConfig.defaults().toBuilder();
        for (Element e : root.elements()) {
            if (e.namespace().equals(NAMESPACE)) {
                read(b, e, room);
            }
        }
        return b.build();
    }

    private static void read(RoomConfigBuilder b, Element e, String room) {
        String v = e.text();
        switch (e.localName()) {
            case "name" -> b.name(v);
            case "description" -> b.description(v);
            case "language" -> b.language(v);
            case "persistent" -> b.persistent(bool(e, room));
            case "public" -> b.publicRoom(bool(e, room));
            case "members-only" -> b.membersOnly(bool(e, room));
            case "moderated" -> b.moderated(bool(e, room));
            case "password" -> b.password(Optional.of(v));
            case "whois" -> b.whois(whois(e, room));
            case "max-users" -> b.maxUsers(integer(e, room));
            case "presence-broadcast" -> b.presenceBroadcast(roles(e, room));
            case "allow-pm" -> b.allowPm(pmPolicy(e, room));
            case "allow-invites" -> b.allowInvites(bool(e, room));
            case "change-subject" -> b.changeSubject(bool(e, room));
            case "enable-logging" -> b.enableLogging(bool(e, room));
            case "get-member-list" -> b.getMemberList(roles(e, room));
            case "allow-voice-requests" -> b.allowVoiceRequests(bool(e, room));
            case "allow-registration" -> b.allowRegistration(bool(e, room));
            case "setting" -> b.setting(e.attribute("var").orElseThrow(() -> malformed(e, room)), values(e));
            default -> {
                // Written by a newer version: not ours to interpret.
            }
        }
    }

    private static void text(ElementBuilder b, String name, String value) {
        b.textChild(NAMESPACE, name, value);
    }

    private static void text(ElementBuilder b, String name, boolean value) {
        b.textChild(NAMESPACE, name, Boolean.toString(value));
    }

    private static void roles(ElementBuilder b, String name, Set<Role> roles) {
        ElementBuilder set = Element.builder(NAMESPACE, name);
        for (Role r : Role.values()) {
            if (roles.contains(r)) {
                set.textChild(NAMESPACE, "role", r.wireName());
            }
        }
        b.child(set.build());
    }

    private static boolean bool(Element e, String room) {
        return switch (e.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(e, room);
        };
    }

    private static int integer(Element e, String room) {
        try {
            return Integer.parseInt(e.text());
        } catch (NumberFormatException notANumber) {
            throw malformed(e, room);
        }
    }

    private static Whois whois(Element e, String room) {
        for (Whois w : Whois.values()) {
            if (w.wireName().equals(e.text())) {
                return w;
            }
        }
        throw malformed(e, room);
    }

    private static PmPolicy pmPolicy(Element e, String room) {
        for (PmPolicy p : PmPolicy.values()) {
            if (p.wireName().equals(e.text())) {
                return p;
            }
        }
        throw malformed(e, room);
    }

    private static Set<Role> roles(Element e, String room) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Element r : e.children(NAMESPACE, "role")) {
            roles.add(Role.fromWire(r.text()).orElseThrow(() -> malformed(r, room)));
        }
        return roles;
    }

    private static List<String> values(Element e) {
        List<String> values = new ArrayList<>();
        for (Element v : e.children(NAMESPACE, "value")) {
            values.add(v.text());
        }
        return values;
    }

    private static StoreUnavailableException malformed(Element e, String room) {
        return new StoreUnavailableException("stored configuration of " + room + " has a malformed <"
                + e.localName() + ">: '" + e.text() + "'");
    }
}
