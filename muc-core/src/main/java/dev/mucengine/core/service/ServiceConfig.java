package dev.mucengine.core.service;

import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.module.StandardModules;
import dev.mucengine.core.room.RoomConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;

/**
 * A MUC service's settings.
 *
 * @param domain the service's domain, e.g. {@code conference.example.org}
 * @param name the service's display name in disco
 * @param admins service administrators: owners of every room, allowed the admin commands
 * @param creation who may create rooms
 * @param limits the bounds on rooms, occupants and texts
 * @param roomDefaults the configuration every new room starts with
 * @param modules the room features every room runs, in order ({@link StandardModules#all()} by
 *     default): the configuration form, disco features and checks are assembled from them
 */
public record ServiceConfig(DomainBareJid domain, String name, Set<BareJid> admins, RoomCreation creation,
        Limits limits, RoomConfig roomDefaults, List<RoomModule> modules) {

    public ServiceConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        admins = Set.copyOf(admins);
        Objects.requireNonNull(creation, "creation");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(roomDefaults, "roomDefaults");
        modules = List.copyOf(modules);
    }

    /** Anyone may create rooms, default limits, room defaults and modules, no administrators. */
    public static ServiceConfig of(DomainBareJid domain) {
        return new ServiceConfig(domain, "Chatrooms", Set.of(), RoomCreation.ANYONE, Limits.DEFAULTS,
                RoomConfig.defaults(), StandardModules.all());
    }

    public ServiceConfig withAdmins(Set<BareJid> newAdmins) {
        return new ServiceConfig(domain, name, newAdmins, creation, limits, roomDefaults, modules);
    }

    public ServiceConfig withCreation(RoomCreation newCreation) {
        return new ServiceConfig(domain, name, admins, newCreation, limits, roomDefaults, modules);
    }

    public ServiceConfig withLimits(Limits newLimits) {
        return new ServiceConfig(domain, name, admins, creation, newLimits, roomDefaults, modules);
    }

    public ServiceConfig withRoomDefaults(RoomConfig newDefaults) {
        return new ServiceConfig(domain, name, admins, creation, limits, newDefaults, modules);
    }

    /** These modules instead of the current ones. */
    public ServiceConfig withModules(List<RoomModule> newModules) {
        return new ServiceConfig(domain, name, admins, creation, limits, roomDefaults, newModules);
    }

    /** The current modules and {@code module} after them. */
    public ServiceConfig withModule(RoomModule module) {
        List<RoomModule> all = new ArrayList<>(modules);
        all.add(module);
        return withModules(all);
    }
}
