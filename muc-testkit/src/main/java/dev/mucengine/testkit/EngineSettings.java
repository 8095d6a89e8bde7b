package dev.mucengine.testkit;

import dev.mucengine.core.api.IdSource;
import java.util.Objects;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * What a replay tells the engine it creates.
 *
 * @param serviceDomain the MUC service's domain ({@code conference.localhost} for the corpus)
 * @param administrators the service administrators ({@code admin@localhost} by default)
 * @param ids the engine's id source; deterministic so that transcripts are reproducible
 */
public record EngineSettings(DomainBareJid serviceDomain, Set<EntityBareJid> administrators, IdSource ids) {

    /**
     * Checks the settings and copies the administrators.
     *
     * @param serviceDomain the MUC service's domain
     * @param administrators the service administrators
     * @param ids the engine's id source
     * @throws NullPointerException if an argument, or an administrator, is null
     */
    public EngineSettings {
        Objects.requireNonNull(serviceDomain, "serviceDomain");
        administrators = Set.copyOf(administrators);
        Objects.requireNonNull(ids, "ids");
    }
}
