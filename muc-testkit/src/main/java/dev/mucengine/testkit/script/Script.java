package dev.mucengine.testkit.script;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed scansion script.
 *
 * @param name the script's name: its file name without the {@code .scs} extension
 * @param file the file as given to the parser (used in {@code file:line} locations)
 * @param title the first line's {@code # title}, if any
 * @param description the {@code #} lines that follow the title
 * @param tags the words of the {@code ##} metadata lines
 * @param clients the declared clients, in declaration order
 * @param actions the steps, in order
 */
public record Script(
        String name,
        String file,
        Optional<String> title,
        List<String> description,
        List<String> tags,
        List<ClientSpec> clients,
        List<Action> actions) {

    /**
     * Checks the script and copies the lists.
     *
     * @param name the script's name
     * @param file the file as given to the parser
     * @param title the title, if any
     * @param description the description lines
     * @param tags the tags
     * @param clients the declared clients
     * @param actions the steps
     * @throws NullPointerException if an argument, or an element of a list, is null
     */
    public Script {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        description = List.copyOf(description);
        tags = List.copyOf(tags);
        clients = List.copyOf(clients);
        actions = List.copyOf(actions);
    }

    /**
     * The client declared under this name.
     *
     * @param clientName the character's name
     * @return the client, or empty if none is declared under it
     */
    public Optional<ClientSpec> client(String clientName) {
        return clients.stream().filter(c -> c.name().equals(clientName)).findFirst();
    }
}
