package dev.mucengine.server.c2s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve} options.
 *
 * @param domain           the XMPP domain; the MUC service is {@code conference.<domain>}
 * @param port             the c2s port, 0 for any free one
 * @param bind             the address to listen on (loopback by default)
 * @param admins           {@code NAME:PASSWORD} administrator accounts
 * @param accountsFile     a file of {@code NAME:PASSWORD} lines
 * @param openRegistration allow XEP-0077 in-band registration
 */
public record ServeOptions(String domain, int port, String bind, List<Credential> admins,
        Optional<Path> accountsFile, boolean openRegistration) {

    /** An account given on the command line or in a file. */
    public record Credential(String name, String password) {

        static Credential parse(String text) throws IllegalArgumentException {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("expected NAME:PASSWORD, got '" + text + "'");
            }
            return new Credential(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    public ServeOptions {
        admins = List.copyOf(admins);
    }

    /** Loopback, any free port, no accounts. */
    static ServeOptions forTests(String domain) {
        return new ServeOptions(domain, 0, "127.0.0.1", List.of(), Optional.empty(), false);
    }

    ServeOptions withAdmin(String name, String password) {
        List<Credential> more = new ArrayList<>(admins);
        more.add(new Credential(name, password));
        return new ServeOptions(domain, port, bind, more, accountsFile, openRegistration);
    }

    ServeOptions withOpenRegistration() {
        return new ServeOptions(domain, port, bind, admins, accountsFile, true);
    }

    /** Parses the arguments after {@code serve}; throws with a usage message when they are wrong. */
    static ServeOptions parse(String[] args) throws IllegalArgumentException {
        String domain = "";
        int port = 5222;
        String bind = "127.0.0.1";
        List<Credential> admins = new ArrayList<>();
        Optional<Path> accounts = Optional.empty();
        boolean open = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--domain" -> domain = value(args, ++i, a);
                case "--port" -> port = port(value(args, ++i, a));
                case "--bind" -> bind = value(args, ++i, a);
                case "--admin" -> admins.add(Credential.parse(value(args, ++i, a)));
                case "--accounts" -> accounts = Optional.of(Path.of(value(args, ++i, a)));
                case "--open-registration" -> open = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("--domain is required");
        }
        return new ServeOptions(domain, port, bind, admins, accounts, open);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + text + "'");
        }
    }
}
