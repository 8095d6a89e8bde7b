package dev.mucengine.server.cli;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StreamEvent;
import dev.mucengine.xml.XmppStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code check --domain D --account NAME:PASSWORD [--host H] [--port P] [--timeout SECONDS]}: a
 * health check that does what a user does, so that a server whose port is open but which no
 * longer answers fails it: connect, authenticate (SASL PLAIN), bind a resource, ping the server
 * (XEP-0199) and ask the MUC service what it is (XEP-0030). Each answer passes through the engine
 * thread. Exit code 0 if all of it succeeded within the timeout, 1 otherwise, with the step that
 * failed.
 */
final class CheckCommand {

    static final String HELP = """
            Usage: java -jar muc-server.jar check --domain DOMAIN --account NAME:PASSWORD
                       [--host 127.0.0.1] [--port 5222] [--timeout 10]

            Logs in to a running serve as NAME, binds a resource, pings the server and asks
            the MUC service at conference.DOMAIN for its identity, all within --timeout
            seconds: a health check for a supervisor or load balancer. The password may come
            from $%s instead of the command line (then --account NAME).

            Exit code: 0 if the server answered everything, 1 if not (the failed step is
            printed), 2 for a usage error.
            """.formatted(CheckCommand.PASSWORD_VARIABLE);

    static final String PASSWORD_VARIABLE = "MUC_CHECK_PASSWORD";
    private static final String HEADER = "<?xml version='1.0'?><stream:stream to='%s' version='1.0'"
            + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    /** What to check. */
    record Options(String host, int port, String domain, String user, String password, int timeoutSeconds) {
    }

    private CheckCommand() {
    }

    static Options parse(String[] args, Map<String, String> environment) throws UsageException {
        String host = "127.0.0.1";
        int port = 5222;
        String domain = "";
        String account = "";
        int timeout = 10;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[++i] : "";
            if (value.isEmpty()) {
                throw new UsageException(a + " needs a value");
            }
            switch (a) {
                case "--host" -> host = value;
                case "--port" -> port = number(a, value, 65_535);
                case "--domain" -> domain = value;
                case "--account" -> account = value;
                case "--timeout" -> timeout = number(a, value, 3_600);
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (domain.isEmpty() || account.isEmpty()) {
            throw new UsageException("--domain and --account are required");
        }
        int colon = account.indexOf(':');
        String user = colon < 0 ? account : account.substring(0, colon);
        String password = colon < 0 ? environment.getOrDefault(PASSWORD_VARIABLE, "") : account.substring(colon + 1);
        if (user.isEmpty() || password.isEmpty()) {
            throw new UsageException("--account needs NAME:PASSWORD, or NAME and $" + PASSWORD_VARIABLE);
        }
        return new Options(host, port, domain, user, password, timeout);
    }

    /** Runs the check; prints one line; returns the exit code. */
    static int run(Options o, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        String step = "connecting to " + o.host() + ":" + o.port();
        try (Socket socket = new Socket()) {
            int timeout = o.timeoutSeconds() * 1000;
            socket.connect(new InetSocketAddress(o.host(), o.port()), timeout);
            socket.setSoTimeout(timeout); // each read; the whole check is bounded below too
            long deadline = start + o.timeoutSeconds() * 1_000_000_000L;
            OutputStream output = socket.getOutputStream();
            XmppStreamReader in = new XmppStreamReader(socket.getInputStream());
            step = "opening the stream";
            send(output, HEADER.formatted(o.domain()));
            expect(in, "features", deadline);
            step = "authenticating as " + o.user();
            send(output, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + Base64.getEncoder()
                    .encodeToString(("\0" + o.user() + "\0" + o.password()).getBytes(StandardCharsets.UTF_8)) + "</auth>");
            expect(in, "success", deadline);
            step = "restarting the stream";
            send(output, HEADER.formatted(o.domain()));
            expect(in, "features", deadline);
            step = "binding a resource";
            send(output, "<iq type='set' id='check-bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            expectResult(in, "check-bind", deadline);
            step = "pinging the server";
            send(output, "<iq type='get' id='check-ping' to='" + o.domain() + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            expectResult(in, "check-ping", deadline);
            step = "asking the MUC service";
            send(output, "<iq type='get' id='check-muc' to='conference." + o.domain() + "'><query"
                    + " xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            expectResult(in, "check-muc", deadline);
            send(output, "</stream:stream>");
        } catch (IOException | RuntimeException e) {
            err.println("check failed " + step + ": " + e.getMessage());
            return Main.FAILED;
        }
        out.println("ok: " + o.user() + "@" + o.domain() + " logged in, bound, and the server and its MUC service"
                + " answered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return Main.OK;
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads past the stream header to the element named {@code name}; fails on anything else. */
    private static Element expect(XmppStreamReader in, String name, long deadline) throws IOException {
        Element e = next(in, deadline);
        if (!e.localName().equals(name)) {
            throw new IOException("expected <" + name + "/>, got " + e);
        }
        return e;
    }

    /** Reads to the iq answering {@code id}, which must be a result. */
    private static void expectResult(XmppStreamReader in, String id, long deadline) throws IOException {
        while (true) {
            Element e = next(in, deadline);
            if (e.localName().equals("iq") && e.attribute("id").filter(id::equals).isPresent()) {
                if (!e.attribute("type").filter("result"::equals).isPresent()) {
                    throw new IOException("got " + e);
                }
                return;
            }
        }
    }

    private static Element next(XmppStreamReader in, long deadline) throws IOException {
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("no answer within the timeout");
            }
            StreamEvent event = in.next();
            if (event instanceof StreamEvent.ElementReceived r) {
                return r.element();
            }
            if (!(event instanceof StreamEvent.StreamOpened)) {
                throw new IOException("the stream ended: " + event);
            }
        }
    }

    private static int number(String option, String value, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a number from 1 to " + max + ", got '" + value + "'");
    }
}
