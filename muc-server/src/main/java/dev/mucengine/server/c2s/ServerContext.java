package dev.mucengine.server.c2s;

import dev.mucengine.server.ConfinedEngine;
import dev.mucengine.server.OutputBudget;
import java.security.SecureRandom;
import java.util.Set;

/** What every connection shares: the collaborators a {@link ClientConnection} needs. */
record ServerContext(ServerIdentity identity, Accounts accounts, InBandRegistration registration,
        boolean openRegistration, ConfinedEngine engine, ClientInput input, ServeLimits limits,
        Admission admission, AuthThrottle authThrottle, HeldInput heldInput, OutputBudget outputBudget,
        SecureRandom random, Set<ClientConnection> connections) {
}
