package dev.mucengine.server.c2s;

import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.xml.XmlLimits;
import java.security.SecureRandom;
import java.util.Set;

/** What every connection shares: the collaborators a {@link ClientConnection} needs. */
record ServerContext(ServerIdentity identity, Accounts accounts, InBandRegistration registration,
        boolean openRegistration, ConfinedEngine engine, ClientInput input, XmlLimits limits,
        SecureRandom random, Set<ClientConnection> connections, long maxOutputBytes) {
}
