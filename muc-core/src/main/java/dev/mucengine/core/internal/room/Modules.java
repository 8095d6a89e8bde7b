package dev.mucengine.core.internal.room;

import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.config.RoomConfigForm;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.module.JoinStage;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A service's room modules, assembled once: every hook is run over the modules that implement
 * it, in configuration order, so a hook no module implements costs nothing.
 */
public final class Modules {

    private final List<RoomModule> all;
    private final List<ConfigField> fields = new ArrayList<>();
    private final Map<String, RoomModule> byIqNamespace = new HashMap<>();
    private final List<RoomModule> joinChecks;
    private final List<RoomModule> groupchatChecks;
    private final List<RoomModule> referenceChecks;
    private final List<RoomModule> retractedActions;
    private final List<RoomModule> configurationChecks;
    private final List<RoomModule> messageHandlers;
    private final List<RoomModule> occupantIqAnswerers;
    private final List<RoomModule> messageDecorators;
    private final List<RoomModule> presenceDecorators;
    private final List<RoomModule> enteredActions;
    private final List<RoomModule> groupchatActions;
    private final List<RoomModule> subjectActions;
    private final List<RoomModule> configuredActions;
    private final RoomConfigForm configForm;
    private final OccupantIds occupantIds;
    private final KeptPresences keptPresences = new KeptPresences();
    private final SharedDomains sharedDomains = new SharedDomains();
    private final SharedNicknames sharedNicknames = new SharedNicknames();

    /**
     * @param modules the service's room modules, in order
     * @param occupantIds the service's occupant ids (XEP-0421), keyed by its secret
     * @throws IllegalArgumentException if two modules share a name, a field or an iq namespace
     */
    public Modules(List<RoomModule> modules, OccupantIds occupantIds) {
        this.all = List.copyOf(modules);
        this.occupantIds = occupantIds;
        Set<String> names = new HashSet<>();
        Set<String> vars = new HashSet<>();
        for (RoomModule m : all) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("two room modules are named " + m.name());
            }
            for (ConfigField f : m.configFields()) {
                if (!vars.add(f.var())) {
                    throw new IllegalArgumentException("two room modules define the field " + f.var());
                }
                fields.add(f);
            }
            for (String ns : m.iqNamespaces()) {
                RoomModule previous = byIqNamespace.putIfAbsent(ns, m);
                if (previous != null) {
                    throw new IllegalArgumentException("modules " + previous.name() + " and " + m.name()
                            + " both answer " + ns);
                }
            }
        }
        joinChecks = implementing("checkJoin", JoinStage.class, RoomView.class, JoinRequest.class);
        groupchatChecks = implementing("checkGroupchat", RoomView.class, Occupant.class, Message.class);
        referenceChecks = implementing("checkGroupchatReferences", ModuleContext.class, Occupant.class, Message.class);
        retractedActions = implementing("messageRetracted", ModuleContext.class, String.class);
        configurationChecks = implementing("finishConfiguration", ConfigDraft.class);
        messageHandlers = implementing("handlesMessage", Message.class);
        occupantIqAnswerers = implementing("answerOccupantIq", RoomView.class, Iq.class, EntityFullJid.class,
                Resourcepart.class);
        messageDecorators = implementing("decorateMessage", ModuleContext.class, Occupant.class, Message.class);
        presenceDecorators = implementing("presenceExtensions", RoomView.class, Occupant.class);
        enteredActions = implementing("entered", ModuleContext.class, Occupant.class, Presence.class);
        groupchatActions = implementing("groupchatSent", ModuleContext.class, Occupant.class, Message.class);
        subjectActions = implementing("subjectChanged", ModuleContext.class, Occupant.class, Message.class);
        configuredActions = implementing("configured", ModuleContext.class, RoomConfig.class, RoomConfig.class);
        configForm = new RoomConfigForm(this);
    }

    /** The modules whose class overrides the hook {@code method} (a default does nothing). */
    private List<RoomModule> implementing(String method, Class<?>... parameters) {
        List<RoomModule> result = new ArrayList<>();
        for (RoomModule m : all) {
            try {
                if (m.getClass().getMethod(method, parameters).getDeclaringClass() != RoomModule.class) {
                    result.add(m);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("RoomModule has no hook " + method, e);
            }
        }
        return List.copyOf(result);
    }

    /** The service's occupant ids: rooms derive their occupants' ids (XEP-0421) from it. */
    public OccupantIds occupantIds() {
        return occupantIds;
    }

    /** The presences the service's rooms keep for their occupants, reduced and shared. */
    KeptPresences keptPresences() {
        return keptPresences;
    }

    /** The domains of the JIDs the service's rooms keep, one copy each. */
    SharedDomains sharedDomains() {
        return sharedDomains;
    }

    /** The nicknames of the service's rooms' occupants, one copy each. */
    SharedNicknames sharedNicknames() {
        return sharedNicknames;
    }

    public List<RoomModule> all() {
        return all;
    }

    /** Every module's configuration fields, in module order. */
    public List<ConfigField> configFields() {
        return fields;
    }

    /** The room configuration form made of every module's fields. */
    public RoomConfigForm configForm() {
        return configForm;
    }

    public Optional<RoomModule> forIqNamespace(String namespace) {
        return Optional.ofNullable(byIqNamespace.get(namespace));
    }

    /** The first module's refusal at this stage, if any. */
    public Optional<StanzaError> checkJoin(JoinStage stage, RoomView room, JoinRequest request) {
        for (RoomModule m : joinChecks) {
            Optional<StanzaError> refusal = m.checkJoin(stage, room, request);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    public Optional<StanzaError> checkGroupchat(RoomView room, Occupant sender, Message message) {
        for (RoomModule m : groupchatChecks) {
            Optional<StanzaError> refusal = m.checkGroupchat(room, sender, message);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    public Optional<StanzaError> finishConfiguration(ConfigDraft draft) {
        for (RoomModule m : configurationChecks) {
            Optional<StanzaError> refusal = m.finishConfiguration(draft);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** The module that handles this message to the room, if one does. */
    public Optional<RoomModule> messageHandler(Message message) {
        for (RoomModule m : messageHandlers) {
            if (m.handlesMessage(message)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The first module's own answer to an iq request to an occupant JID, if one answers it. */
    public Optional<Iq> answerOccupantIq(RoomView room, Iq request, EntityFullJid sender, Resourcepart nick) {
        for (RoomModule m : occupantIqAnswerers) {
            Optional<Iq> answer = m.answerOccupantIq(room, request, sender, nick);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    public Message decorateMessage(ModuleContext context, Occupant sender, Message message) {
        Message decorated = message;
        for (RoomModule m : messageDecorators) {
            decorated = m.decorateMessage(context, sender, decorated);
        }
        return decorated;
    }

    public List<Node> presenceExtensions(RoomView room, Occupant occupant) {
        if (presenceDecorators.isEmpty()) {
            return List.of();
        }
        List<Node> extensions = new ArrayList<>();
        for (RoomModule m : presenceDecorators) {
            extensions.addAll(m.presenceExtensions(room, occupant));
        }
        return extensions;
    }

    public void entered(ModuleContext context, Occupant occupant, Presence joinPresence) {
        for (RoomModule m : enteredActions) {
            m.entered(context, occupant, joinPresence);
        }
    }

    public void groupchatSent(ModuleContext context, Occupant sender, Message reflected) {
        for (RoomModule m : groupchatActions) {
            m.groupchatSent(context, sender, reflected);
        }
    }

    public void subjectChanged(ModuleContext context, Occupant sender, Message reflected) {
        for (RoomModule m : subjectActions) {
            m.subjectChanged(context, sender, reflected);
        }
    }

    /** The first module's refusal of a message that refers to an earlier one, if any. */
    public Optional<StanzaError> checkGroupchatReferences(ModuleContext context, Occupant sender, Message message) {
        for (RoomModule m : referenceChecks) {
            Optional<StanzaError> refusal = m.checkGroupchatReferences(context, sender, message);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    public void messageRetracted(ModuleContext context, String id) {
        for (RoomModule m : retractedActions) {
            m.messageRetracted(context, id);
        }
    }

    public void configured(ModuleContext context, RoomConfig before, RoomConfig after) {
        for (RoomModule m : configuredActions) {
            m.configured(context, before, after);
        }
    }

    /** Every module's protocol features, then every module's room types, in module order. */
    public List<String> discoFeatures(RoomView room) {
        List<String> features = new ArrayList<>();
        for (RoomModule m : all) {
            features.addAll(m.protocolFeatures(room));
        }
        for (RoomModule m : all) {
            features.addAll(m.roomTypes(room));
        }
        return features;
    }

    public List<FormField> roomInfo(RoomView room) {
        List<FormField> fields = new ArrayList<>();
        for (RoomModule m : all) {
            fields.addAll(m.roomInfo(room));
        }
        return fields;
    }
}
