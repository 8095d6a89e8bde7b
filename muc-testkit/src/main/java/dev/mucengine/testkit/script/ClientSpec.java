package dev.mucengine.testkit.script;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A {@code [Client] Name} block.
 *
 * @param name the character's name, as actions and variables refer to it
 * @param jid the declared account
 * @param resource the declared resource, if the {@code jid} had one; otherwise one is assigned
 *     when the client connects
 * @param password the declared password, if any (the simulated server accepts any password)
 * @param properties every property of the block, in declaration order, {@code jid} and
 *     {@code password} included
 * @param line the line of the {@code [Client]} header
 */
public record ClientSpec(
        String name,
        EntityBareJid jid,
        Optional<Resourcepart> resource,
        Optional<String> password,
        Map<String, String> properties,
        int line) {

    /**
     * Checks the block and copies the properties.
     *
     * @param name the character's name
     * @param jid the declared account
     * @param resource the declared resource, if any
     * @param password the declared password, if any
     * @param properties every property of the block
     * @param line the line of the header
     * @throws NullPointerException if an argument is null
     */
    public ClientSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(password, "password");
        properties = Map.copyOf(properties);
    }
}
