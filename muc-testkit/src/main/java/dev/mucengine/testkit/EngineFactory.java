package dev.mucengine.testkit;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.store.InMemoryRoomStore;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Creates a fresh engine for each replayed script. A factory may wrap the engine to apply its
 * durable changes, as {@link #defaultFactory()} does; the replay only delivers the stanzas.
 */
@FunctionalInterface
public interface EngineFactory {

    /**
     * Creates the engine one script is replayed against.
     *
     * @param settings the service domain, administrators and id source the script expects
     * @return a new engine, used by one replay only
     */
    StanzaHandler create(EngineSettings settings);

    /**
     * The engine the CLI and the project's own tests replay against: a {@link MucService} for the
     * settings' domain and administrators, over a fresh in-memory store. It applies each input's
     * durable changes to that store before returning the effects, then unloads the rooms that
     * may go ({@link MucService#unloadIdleRooms}), as a host does: every script also shows that a
     * room loaded again from the store answers as if it had stayed.
     *
     * @return the factory
     */
    static EngineFactory defaultFactory() {
        return configured(UnaryOperator.identity());
    }

    /**
     * As {@link #defaultFactory()}, with the service configuration adjusted: limits, room defaults,
     * the archive policy, room modules. The domain and administrators come from the settings
     * before {@code configure} sees them.
     *
     * @param configure turns the default configuration into the one to replay against
     * @return the factory
     */
    static EngineFactory configured(UnaryOperator<ServiceConfig> configure) {
        return settings -> {
            InMemoryRoomStore store = new InMemoryRoomStore();
            MucService muc = new MucService(configure.apply(ServiceConfig.of(settings.serviceDomain())
                    .withAdmins(Set.copyOf(settings.administrators()))), store, settings.ids());
            return (stanza, now) -> {
                Effects effects = muc.handle(stanza, now);
                store.apply(effects.changes());
                muc.unloadIdleRooms(room -> true);
                return effects;
            };
        };
    }
}
