package dev.mucengine.core.service;

import dev.mucengine.core.room.RoomConfig;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;

/**
 * A MUC service's settings.
 *
 * @param domain the service's domain, e.g. {@code conference.example.org}
 * @param name the service's display name in disco
 * @param admins service administrators: owners of every room, allowed the admin commands
 * @param roomDefaults the configuration every new room starts with
 */
public record ServiceConfig(DomainBareJid domain, String name, Set<BareJid> admins, RoomCreation creation,
        Limits limits, RoomConfig roomDefaults) {

    public ServiceConfig {
        admins = Set.copyOf(admins);
    }

    /** Anyone may create rooms, default limits and room defaults, no administrators. */
    public static ServiceConfig of(DomainBareJid domain) {
        return new ServiceConfig(domain, "Chatrooms", Set.of(), RoomCreation.ANYONE, Limits.DEFAULTS,
                RoomConfig.defaults());
    }

    public ServiceConfig withAdmins(Set<BareJid> newAdmins) {
        return new ServiceConfig(domain, name, newAdmins, creation, limits, roomDefaults);
    }

    public ServiceConfig withCreation(RoomCreation newCreation) {
        return new ServiceConfig(domain, name, admins, newCreation, limits, roomDefaults);
    }

    public ServiceConfig withLimits(Limits newLimits) {
        return new ServiceConfig(domain, name, admins, creation, newLimits, roomDefaults);
    }
}
