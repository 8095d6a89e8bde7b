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
 * @param archive how long and how much room archives keep (XEP-0313)
 */
public record ServiceConfig(DomainBareJid domain, String name, Set<BareJid> admins, RoomCreation creation,
        Limits limits, RoomConfig roomDefaults, List<RoomModule> modules, ArchivePolicy archive) {

    /**
     * Checks and copies the settings.
     *
     * @param domain the service's domain
     * @param name the service's display name in disco
     * @param admins service administrators
     * @param creation who may create rooms
     * @param limits the bounds on rooms, occupants and texts
     * @param roomDefaults the configuration every new room starts with
     * @param modules the room features every room runs, in order
     * @param archive how long and how much room archives keep
     * @throws NullPointerException if any argument, or an element of {@code admins} or {@code modules},
     *     is null
     */
    public ServiceConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        admins = Set.copyOf(admins);
        Objects.requireNonNull(creation, "creation");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(roomDefaults, "roomDefaults");
        modules = List.copyOf(modules);
        Objects.requireNonNull(archive, "archive");
    }

    /**
     * The settings most services start from: display name {@code Chatrooms}, no administrators, anyone
     * may create rooms, {@link Limits#DEFAULTS}, {@link RoomConfig#defaults()},
     * {@link StandardModules#all()} and {@link ArchivePolicy#DEFAULTS}.
     *
     * @param domain the service's domain, e.g. {@code conference.example.org}
     * @return the default settings for {@code domain}
     */
    public static ServiceConfig of(DomainBareJid domain) {
        return new ServiceConfig(domain, "Chatrooms", Set.of(), RoomCreation.ANYONE, Limits.DEFAULTS,
                RoomConfig.defaults(), StandardModules.all(), ArchivePolicy.DEFAULTS);
    }

    /**
     * These settings with other service administrators.
     *
     * @param newAdmins the administrators' bare JIDs, replacing the current ones
     * @return a copy with {@code newAdmins}
     */
    public ServiceConfig withAdmins(Set<BareJid> newAdmins) {
        return new ServiceConfig(domain, name, newAdmins, creation, limits, roomDefaults, modules, archive);
    }

    /**
     * These settings with another rule for who may create rooms.
     *
     * @param newCreation who may create rooms
     * @return a copy with {@code newCreation}
     */
    public ServiceConfig withCreation(RoomCreation newCreation) {
        return new ServiceConfig(domain, name, admins, newCreation, limits, roomDefaults, modules, archive);
    }

    /**
     * These settings with other limits.
     *
     * @param newLimits the limits to apply
     * @return a copy with {@code newLimits}
     */
    public ServiceConfig withLimits(Limits newLimits) {
        return new ServiceConfig(domain, name, admins, creation, newLimits, roomDefaults, modules, archive);
    }

    /**
     * These settings with another configuration for new rooms. Rooms that already exist keep theirs.
     *
     * @param newDefaults the configuration every new room starts with
     * @return a copy with {@code newDefaults}
     */
    public ServiceConfig withRoomDefaults(RoomConfig newDefaults) {
        return new ServiceConfig(domain, name, admins, creation, limits, newDefaults, modules, archive);
    }

    /**
     * These settings with these room modules instead of the current ones.
     *
     * @param newModules the room modules, in the order they run
     * @return a copy with {@code newModules}
     */
    public ServiceConfig withModules(List<RoomModule> newModules) {
        return new ServiceConfig(domain, name, admins, creation, limits, roomDefaults, newModules, archive);
    }

    /**
     * These settings with {@code module} run after the current modules.
     *
     * @param module the module to add
     * @return a copy with the current modules and {@code module} last
     */
    public ServiceConfig withModule(RoomModule module) {
        List<RoomModule> all = new ArrayList<>(modules);
        all.add(module);
        return withModules(all);
    }

    /**
     * These settings with another archive policy.
     *
     * @param newPolicy how long and how much room archives keep
     * @return a copy with {@code newPolicy}
     */
    public ServiceConfig withArchivePolicy(ArchivePolicy newPolicy) {
        return new ServiceConfig(domain, name, admins, creation, limits, roomDefaults, modules, newPolicy);
    }
}
