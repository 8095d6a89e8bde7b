package dev.mucengine.testkit.server;

import java.util.Objects;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;

/**
 * How the simulated server behaves.
 *
 * @param userDomains the domains the server hosts (taken from the clients' JIDs)
 * @param serviceDomain the MUC service's domain; stanzas to it, its rooms and occupants go to the
 *     engine
 * @param stampAvatarUpdate whether available presence from users gets
 *     {@code <x xmlns='vcard-temp:x:update'><photo/></x>}, as Prosody's does
 */
public record ServerConfig(Set<DomainBareJid> userDomains, DomainBareJid serviceDomain, boolean stampAvatarUpdate) {

    public ServerConfig {
        userDomains = Set.copyOf(userDomains);
        Objects.requireNonNull(serviceDomain, "serviceDomain");
    }
}
