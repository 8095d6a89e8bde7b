package dev.mucengine.testkit;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.testkit.match.ElementMatcher;
import dev.mucengine.testkit.match.Mismatch;
import dev.mucengine.testkit.report.FailureReport;
import dev.mucengine.testkit.report.PrettyXml;
import dev.mucengine.testkit.script.Action;
import dev.mucengine.testkit.script.ClientSpec;
import dev.mucengine.testkit.script.Script;
import dev.mucengine.testkit.script.ScriptException;
import dev.mucengine.testkit.script.ScriptParser;
import dev.mucengine.testkit.script.Variable;
import dev.mucengine.testkit.server.HomeServer;
import dev.mucengine.testkit.server.ServerConfig;
import dev.mucengine.testkit.server.Session;
import dev.mucengine.testkit.server.Transcript;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Replays scansion scripts in-process: a simulated home server for the scripted users, the
 * engine behind it, and every {@code receives} step checked with {@link ElementMatcher}.
 *
 * <p>Queues follow the reference tool unless {@link ReplayOptions#strict()} is set: the stanzas
 * queued for a client when its {@code receives} step starts are one read; the step matches the
 * first, and the rest survive only if the next action is another {@code receives} (including
 * {@code receives: nothing}) by the same client. Strict mode keeps everything and fails a script
 * that disconnects a client or ends with stanzas unread.
 *
 * <p>Each replay builds a fresh server and engine, so one replayer may run many scripts.
 */
public final class Replayer {

    private final ReplayOptions options;

    /**
     * A replayer with these options.
     *
     * @param options how scripts are replayed
     */
    public Replayer(ReplayOptions options) {
        this.options = options;
    }

    /**
     * Reads and replays a script file; an unreadable or malformed script is a failed result.
     *
     * @param file the script
     * @return the outcome; never throws for a bad script or a failing engine
     */
    public ReplayResult replay(Path file) {
        Script script;
        try {
            script = ScriptParser.standard().parse(file);
        } catch (ScriptException e) {
            String reason = e.getMessage();
            return new ReplayResult(nameOf(file), Optional.of(new ReplayResult.Failure(reason, reason)),
                    List.of(), List.of());
        }
        return replay(script);
    }

    /**
     * Replays a parsed script. An exception thrown by the engine fails the step it happened in.
     *
     * @param script the script
     * @return the outcome
     */
    public ReplayResult replay(Script script) {
        return new Run(script).result();
    }

    static String nameOf(Path file) {
        String base = String.valueOf(file.getFileName());
        return base.endsWith(".scs") ? base.substring(0, base.length() - 4) : base;
    }

    /** The resource a client gets when its script declares none: derived from its name. */
    static Resourcepart assignedResource(ClientSpec client) {
        String wanted = "testkit-" + client.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        try {
            return Resourcepart.from(wanted);
        } catch (XmppStringprepException e) {
            return Resourcepart.fromOrThrowUnchecked("testkit-client" + client.line());
        }
    }

    /** The state of one replay. */
    private final class Run {
        private final Script script;
        private final String location;
        private final Transcript transcript = new Transcript();
        private final List<String> discarded = new ArrayList<>();
        private final HomeServer server;

        Run(Script script) {
            this.script = script;
            this.location = String.valueOf(Path.of(script.file()).getFileName());
            Set<DomainBareJid> userDomains = new LinkedHashSet<>();
            for (ClientSpec c : script.clients()) {
                userDomains.add(c.jid().asDomainBareJid());
            }
            String mainDomain = userDomains.isEmpty() ? "localhost" : userDomains.iterator().next().toString();
            DomainBareJid service = options.serviceDomain()
                    .orElseGet(() -> JidCreate.domainBareFromOrThrowUnchecked("conference." + mainDomain));
            Set<EntityBareJid> admins = options.administrators()
                    .orElseGet(() -> Set.of(JidCreate.entityBareFromOrThrowUnchecked("admin@" + mainDomain)));
            StanzaHandler engine = options.engine().create(
                    new EngineSettings(service, admins, IdSource.sequential("testkit-")));
            server = new HomeServer(new ServerConfig(userDomains, service, options.stampAvatarUpdate()), engine,
                    transcript);
        }

        ReplayResult result() {
            List<Action> actions = script.actions();
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                server.now(clockAt(i));
                transcript.note("[" + location + ":" + action.line() + "] " + action.describe());
                Optional<ReplayResult.Failure> failure;
                try {
                    failure = step(action, i + 1 < actions.size() ? Optional.of(actions.get(i + 1)) : Optional.empty());
                } catch (RuntimeException e) {
                    // The engine must never throw (StanzaHandler's contract); report it as this step's failure.
                    String reason = at(action) + ": " + action.describe() + ": the engine threw " + e;
                    failure = Optional.of(new ReplayResult.Failure(reason, reason));
                }
                if (failure.isPresent()) {
                    return done(failure);
                }
            }
            if (options.strict()) {
                int lastLine = actions.isEmpty() ? 1 : actions.get(actions.size() - 1).line();
                for (ClientSpec c : script.clients()) {
                    Optional<Session> s = server.session(c.name());
                    if (s.isPresent() && !s.get().queue().isEmpty()) {
                        return done(unread(s.get(), lastLine, "the script ended with"));
                    }
                }
            }
            return done(Optional.empty());
        }

        private Instant clockAt(int step) {
            return options.start().plus(options.clockStep().multipliedBy(step));
        }

        private ReplayResult done(Optional<ReplayResult.Failure> failure) {
            failure.ifPresent(f -> transcript.note("FAILED: " + f.reason()));
            return new ReplayResult(script.name(), failure, transcript.lines(), discarded);
        }

        private Optional<ReplayResult.Failure> step(Action action, Optional<Action> next) {
            if (action instanceof Action.Connect) {
                ClientSpec spec = script.client(action.client()).orElseThrow();
                server.connect(spec.name(), fullJid(spec));
                return Optional.empty();
            }
            Optional<Session> current = server.session(action.client());
            if (current.isEmpty()) {
                return afterDisconnect(action);
            }
            Session session = current.get();
            if (action instanceof Action.Disconnect) {
                if (options.strict() && !session.queue().isEmpty()) {
                    return unread(session, action.line(), action.client() + " disconnects with");
                }
                discardAll(session);
                server.disconnect(session);
                return Optional.empty();
            } else if (action instanceof Action.Send send) {
                Element element = send.stanza().expand(this::valueOf);
                StanzaResult parsed = Stanza.parse(element);
                if (parsed instanceof StanzaResult.Invalid invalid) {
                    String reason = at(action) + ": " + action.describe() + " an invalid stanza: "
                            + invalid.error().text().orElse(invalid.error().condition().wireName());
                    return Optional.of(new ReplayResult.Failure(reason, reason + "\n" + PrettyXml.render(element, "    ")));
                }
                server.send(session, ((StanzaResult.Valid) parsed).stanza());
                return Optional.empty();
            } else if (action instanceof Action.ReceiveNothing) {
                if (!session.queue().isEmpty()) {
                    return failure(action, session, Optional.empty(), "expected nothing, but "
                            + session.queue().size() + " stanza(s) queued");
                }
                return Optional.empty();
            }
            Action.Receive receive = (Action.Receive) action;
            Element expected = receive.expected().expand(this::valueOf);
            if (session.queue().isEmpty()) {
                return failure(action, session, Optional.of(expected), "expected a stanza, but nothing was received");
            }
            Optional<Mismatch> mismatch = ElementMatcher.INSTANCE.match(expected, session.queue().peekFirst().element());
            if (mismatch.isPresent()) {
                return failure(action, session, Optional.of(expected),
                        "the stanza does not match at " + mismatch.get());
            }
            session.queue().removeFirst();
            boolean readsAgain = next.isPresent() && next.get().client().equals(action.client())
                    && (next.get() instanceof Action.Receive || next.get() instanceof Action.ReceiveNothing);
            if (!options.strict() && !readsAgain) {
                discardAll(session);
            }
            return Optional.empty();
        }

        /** A step by a client that has disconnected: what a closed connection would do. */
        private Optional<ReplayResult.Failure> afterDisconnect(Action action) {
            if (action instanceof Action.Receive) {
                String reason = at(action) + ": " + action.describe() + ": " + action.client()
                        + " is disconnected and cannot receive";
                return Optional.of(new ReplayResult.Failure(reason, reason));
            }
            transcript.note("  ignored: " + action.client() + " is disconnected");
            return Optional.empty();
        }

        private void discardAll(Session session) {
            while (!session.queue().isEmpty()) {
                Element e = session.queue().removeFirst().element();
                transcript.stanza("discarded unread by " + session.client(), e);
                discarded.add(session.client() + ":\n" + PrettyXml.render(e, "    "));
            }
        }

        private Optional<ReplayResult.Failure> unread(Session session, int line, String what) {
            String reason = location + ":" + line + ": " + what + " " + session.queue().size()
                    + " unread stanza(s) for " + session.client() + " (strict mode)";
            return Optional.of(report(reason, session, Optional.empty()));
        }

        private Optional<ReplayResult.Failure> failure(Action action, Session session, Optional<Element> expected,
                String problem) {
            return Optional.of(report(at(action) + ": " + action.describe() + ": " + problem, session, expected));
        }

        private ReplayResult.Failure report(String reason, Session session, Optional<Element> expected) {
            List<Element> queued = session.queue().stream().map(Stanza::element).toList();
            Optional<Element> head = queued.isEmpty() ? Optional.empty() : Optional.of(queued.get(0));
            List<Element> rest = queued.isEmpty() ? List.of() : queued.subList(1, queued.size());
            String header = reason + "\nScript: " + script.file();
            return new ReplayResult.Failure(reason,
                    FailureReport.render(header, expected, session.client(), head, rest));
        }

        private String at(Action action) {
            return location + ":" + action.line();
        }

        private EntityFullJid fullJid(ClientSpec spec) {
            return JidCreate.entityFullFrom(spec.jid().getLocalpart(), spec.jid().getDomain(),
                    spec.resource().orElseGet(() -> assignedResource(spec)));
        }

        private String valueOf(Variable v) {
            ClientSpec spec = script.client(v.client()).orElseThrow();
            return v.fullJid() ? fullJid(spec).toString() : spec.jid().toString();
        }
    }
}
