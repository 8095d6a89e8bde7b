package dev.mucengine.testkit.script;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Reads scansion scripts. Every problem is reported as a {@link ScriptException} naming the file
 * and line; the parser never lets a runtime exception escape for bad input.
 */
public final class ScriptParser {

    private static final Pattern CLIENT_HEADER = Pattern.compile("\\[Client]\\s+(\\S.*?)\\s*");
    private static final Pattern PROPERTY = Pattern.compile("\\s+([\\w-]+)\\s*:\\s*(.*?)\\s*");
    private static final Pattern SEPARATOR = Pattern.compile("-{3,}\\s*");
    private static final Pattern SIMPLE_ACTION = Pattern.compile("(\\S.*?)\\s+(connects|disconnects)\\s*");
    private static final Pattern XML_ACTION = Pattern.compile("(\\S.*?)\\s+(sends|receives):\\s*(.*?)\\s*");
    private static final Set<String> STANZAS = Set.of("message", "presence", "iq");

    private final XmlFragmentReader reader;

    ScriptParser(XmlFragmentReader reader) {
        this.reader = reader;
    }

    /**
     * A parser that reads the scripts' XML with muc-xml's parser.
     *
     * @return the parser
     */
    public static ScriptParser standard() {
        return new ScriptParser(new CodecFragmentReader());
    }

    /**
     * Reads a script file (UTF-8); its name is the file name without {@code .scs}.
     *
     * @param file the script file
     * @return the script
     * @throws ScriptException if the file cannot be read (line 0) or the script is malformed
     */
    public Script parse(Path file) throws ScriptException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(file.toString(), 0, "cannot read the script: " + e.getMessage());
        }
        return parse(file.toString(), content);
    }

    /**
     * Reads a script's text; {@code file} is used for the name and in error locations.
     *
     * @param file the script's file name or path
     * @param content the script's text
     * @return the script
     * @throws ScriptException if the script is malformed: an unknown action or character, a step before
     *     the character connects, XML that is not one stanza...
     */
    public Script parse(String file, String content) throws ScriptException {
        return new Run(file, content.split("\r?\n", -1)).script();
    }

    static String scriptName(String file) {
        String base = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        return base.endsWith(".scs") ? base.substring(0, base.length() - 4) : base;
    }

    /** The state of reading one script, line by line. */
    private final class Run {
        private final String file;
        private final String[] lines;
        private int index;
        private Optional<String> title = Optional.empty();
        private final List<String> description = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final Map<String, ClientSpec> clients = new LinkedHashMap<>();
        private final List<Action> actions = new ArrayList<>();
        private final Set<String> connected = new HashSet<>();
        // Steps after 'disconnects' are legal: the Prosody corpus sends after disconnecting, and
        // the reference tool tolerates it. Only steps before the first 'connects' are errors.
        private final Set<String> everConnected = new HashSet<>();

        Run(String file, String[] lines) {
            this.file = file;
            this.lines = lines;
        }

        Script script() throws ScriptException {
            readHeader();
            while (index < lines.length) {
                readAction();
            }
            return new Script(scriptName(file), file, title, description, tags,
                    List.copyOf(clients.values()), actions);
        }

        private ScriptException error(int line, String problem) {
            return new ScriptException(file, line, problem);
        }

        private void readHeader() throws ScriptException {
            boolean inDescription = false;
            while (index < lines.length) {
                String line = lines[index];
                int number = ++index;
                if (line.startsWith("##")) {
                    readTags(line.substring(2));
                } else if (line.startsWith("#")) {
                    String text = line.substring(1).trim();
                    if (number == 1) {
                        title = Optional.of(text);
                        inDescription = true;
                    } else if (inDescription) {
                        description.add(text);
                    }
                    continue;
                } else if (line.isBlank()) {
                    inDescription = false;
                } else if (SEPARATOR.matcher(line).matches()) {
                    return;
                } else {
                    Matcher header = CLIENT_HEADER.matcher(line);
                    if (!header.matches()) {
                        throw error(number, "expected '[Client] Name', a comment or the '-----' separator, found: "
                                + line.trim());
                    }
                    readClient(header.group(1), number);
                }
                inDescription = inDescription && line.startsWith("#");
            }
            throw error(lines.length, "missing the '-----' line that separates the clients from the actions");
        }

        private void readTags(String text) {
            String words = text.trim();
            if (words.startsWith("tags:")) {
                words = words.substring(5);
            }
            for (String tag : words.split("[,\\s]+")) {
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
        }

        private void readClient(String name, int headerLine) throws ScriptException {
            if (clients.containsKey(name)) {
                throw error(headerLine, "client '" + name + "' is declared twice");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            while (index < lines.length) {
                Matcher property = PROPERTY.matcher(lines[index]);
                if (!property.matches()) {
                    break;
                }
                properties.put(property.group(1), property.group(2));
                index++;
            }
            String jidText = properties.get("jid");
            if (jidText == null) {
                throw error(headerLine, "client '" + name + "' has no 'jid' property");
            }
            Jid jid;
            try {
                jid = JidCreate.from(jidText);
            } catch (XmppStringprepException | IllegalArgumentException e) {
                throw error(headerLine, "client '" + name + "' has an invalid jid '" + jidText + "'");
            }
            EntityBareJid bare = jid.asEntityBareJidIfPossible();
            if (bare == null) {
                throw error(headerLine, "client '" + name + "' needs a jid of the form user@domain, not '"
                        + jidText + "'");
            }
            Optional<Resourcepart> resource = Optional.ofNullable(jid.getResourceOrNull());
            clients.put(name, new ClientSpec(name, bare, resource,
                    Optional.ofNullable(properties.get("password")), properties, headerLine));
        }

        private void readAction() throws ScriptException {
            String line = lines[index];
            int number = ++index;
            if (line.isBlank() || line.startsWith("#")) {
                return;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                throw error(number, "indented line outside a 'sends:' or 'receives:' block: " + line.trim());
            }
            Matcher simple = SIMPLE_ACTION.matcher(line);
            if (simple.matches()) {
                String name = character(simple.group(1), number);
                if (simple.group(2).equals("connects")) {
                    if (!connected.add(name)) {
                        throw error(number, name + " connects but is already connected");
                    }
                    everConnected.add(name);
                    actions.add(new Action.Connect(name, number));
                } else {
                    if (!connected.remove(name)) {
                        throw error(number, name + " disconnects but is not connected");
                    }
                    actions.add(new Action.Disconnect(name, number));
                }
                return;
            }
            Matcher xml = XML_ACTION.matcher(line);
            if (!xml.matches()) {
                throw error(number, "unknown action: " + line.trim()
                        + " (expected 'Name connects', 'Name disconnects', 'Name sends:' or 'Name receives:')");
            }
            String name = character(xml.group(1), number);
            String verb = xml.group(2);
            String rest = xml.group(3);
            requireConnected(name, number, verb);
            if (verb.equals("receives") && rest.equals("nothing")) {
                actions.add(new Action.ReceiveNothing(name, number));
                return;
            }
            if (!rest.isEmpty()) {
                throw error(number, "unexpected text after '" + verb + ":': " + rest
                        + " (the stanza goes on the following, indented lines)");
            }
            StanzaTemplate stanza = readStanza(number, verb);
            actions.add(verb.equals("sends")
                    ? new Action.Send(name, number, stanza)
                    : new Action.Receive(name, number, stanza));
        }

        private String character(String name, int line) throws ScriptException {
            if (!clients.containsKey(name)) {
                throw error(line, "unknown character '" + name + "' (declared: "
                        + String.join(", ", clients.keySet()) + ")");
            }
            return name;
        }

        private void requireConnected(String name, int line, String verb) throws ScriptException {
            if (!everConnected.contains(name)) {
                throw error(line, name + " " + verb + " before '" + name + " connects'");
            }
        }

        private StanzaTemplate readStanza(int actionLine, String verb) throws ScriptException {
            int first = index;
            int end = index;
            while (end < lines.length && (lines[end].isBlank() || Character.isWhitespace(lines[end].charAt(0)))) {
                end++;
            }
            int last = end;
            while (last > first && lines[last - 1].isBlank()) {
                last--;
            }
            index = end;
            if (last == first) {
                throw error(actionLine, "'" + verb + ":' must be followed by the stanza on indented lines");
            }
            Set<Variable> variables = new LinkedHashSet<>();
            for (int i = first; i < last; i++) {
                collectVariables(lines[i], i + 1, variables);
            }
            String source = dedent(first, last);
            Element element;
            try {
                element = reader.read(ScansionNamespace.declare(source));
            } catch (IllegalArgumentException e) {
                throw error(first + 1, "malformed XML: " + e.getMessage());
            }
            if (!element.namespace().equals(Stanza.CLIENT_NAMESPACE) || !STANZAS.contains(element.localName())) {
                throw error(first + 1, "expected a <message/>, <presence/> or <iq/> stanza, found <"
                        + element.localName() + "/> in namespace '" + element.namespace() + "'");
            }
            return new StanzaTemplate(StanzaTemplate.withoutIndentation(element), source, variables);
        }

        private void collectVariables(String line, int number, Set<Variable> into) throws ScriptException {
            Matcher m = StanzaTemplate.VARIABLE.matcher(line);
            while (m.find()) {
                Optional<Variable> v = StanzaTemplate.parseReference(m.group(1));
                if (v.isEmpty()) {
                    throw error(number, "unknown variable " + m.group()
                            + " (expected ${Name's full JID} or ${Name's JID})");
                }
                if (!clients.containsKey(v.get().client())) {
                    throw error(number, "undefined variable " + m.group() + ": no client named '"
                            + v.get().client() + "'");
                }
                into.add(v.get());
            }
        }

        private String dedent(int first, int last) {
            int common = Integer.MAX_VALUE;
            for (int i = first; i < last; i++) {
                String l = lines[i];
                if (!l.isBlank()) {
                    int n = 0;
                    while (n < l.length() && Character.isWhitespace(l.charAt(n))) {
                        n++;
                    }
                    common = Math.min(common, n);
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int i = first; i < last; i++) {
                String l = lines[i];
                sb.append(l.isBlank() ? "" : l.substring(common)).append('\n');
            }
            return sb.toString().stripTrailing();
        }
    }
}
