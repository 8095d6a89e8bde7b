package dev.mucengine.core.module;

import dev.mucengine.core.internal.modules.BuiltInModules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine's own room features, as the modules a service runs by default, in this order:
 *
 * <table>
 *   <caption>Standard modules</caption>
 *   <tr><th>name</th><th>what it is (XEP-0045)</th></tr>
 *   <tr><td>{@code bans}</td><td>outcasts may not enter (§7.2.7)</td></tr>
 *   <tr><td>{@code description}</td><td>room name, description, language (§10.2)</td></tr>
 *   <tr><td>{@code logging}</td><td>the public-logging flag (status 170, §7.2.12)</td></tr>
 *   <tr><td>{@code subject}</td><td>whether participants may change the subject (§7.3)</td></tr>
 *   <tr><td>{@code invitations}</td><td>whether occupants may invite to a members-only room (§7.8.2)</td></tr>
 *   <tr><td>{@code private-messages}</td><td>who may send private messages (§7.5)</td></tr>
 *   <tr><td>{@code max-users}</td><td>the room's maximum of occupants (§7.2.9)</td></tr>
 *   <tr><td>{@code presence-broadcast}</td><td>whose presence is broadcast (§7.2.2)</td></tr>
 *   <tr><td>{@code member-list}</td><td>who may see the member list (§7.11)</td></tr>
 *   <tr><td>{@code public}</td><td>whether the room is listed (§6.3)</td></tr>
 *   <tr><td>{@code persistent}</td><td>whether the room outlives its last occupant</td></tr>
 *   <tr><td>{@code moderated}</td><td>whether visitors need voice (§8.3)</td></tr>
 *   <tr><td>{@code members-only}</td><td>members-only rooms (§7.2.6)</td></tr>
 *   <tr><td>{@code password}</td><td>password-protected rooms (§7.2.5)</td></tr>
 *   <tr><td>{@code whois}</td><td>who sees real JIDs (§7.2.3, §7.2.4)</td></tr>
 *   <tr><td>{@code voice-requests}</td><td>visitors asking for voice (§7.13, §8.6)</td></tr>
 *   <tr><td>{@code registration}</td><td>registering with a room (§7.10)</td></tr>
 *   <tr><td>{@code archive}</td><td>the room archive (XEP-0313) and stanza ids (XEP-0359)</td></tr>
 *   <tr><td>{@code occupant-id}</td><td>anonymous occupant ids on presence and messages (XEP-0421)</td></tr>
 *   <tr><td>{@code self-ping}</td><td>the room answers self-pings (XEP-0410 §3.3)</td></tr>
 *   <tr><td>{@code owner}</td><td>muc#owner: configuration, destruction, owner and admin lists (§10)</td></tr>
 *   <tr><td>{@code admin}</td><td>muc#admin: role and affiliation changes and lists (§8, §9)</td></tr>
 *   <tr><td>{@code history}</td><td>discussion history (§7.2.13)</td></tr>
 *   <tr><td>{@code vcard}</td><td>the room's vCard and avatar (XEP-0486)</td></tr>
 *   <tr><td>{@code disco}</td><td>room disco#info and disco#items (§6.4, §6.5, §7.12)</td></tr>
 * </table>
 *
 * <p>The order decides the order of the configuration form's fields, of disco#info's features
 * and of the modules' checks. A service without {@code owner} cannot configure rooms (a new room
 * stays locked), without {@code disco} its rooms answer no discovery.
 */
public final class StandardModules {

    private StandardModules() {
    }

    /**
     * Every standard module, in the standard order. Each call returns new instances.
     *
     * @return the modules, as in the table above
     */
    public static List<RoomModule> all() {
        return BuiltInModules.all();
    }

    /**
     * The standard modules but those named.
     *
     * @param names names from the table above
     * @return the other standard modules, in the standard order
     * @throws IllegalArgumentException if a name is not one of a standard module
     */
    public static List<RoomModule> without(String... names) {
        Set<String> left = new HashSet<>(Arrays.asList(names));
        List<RoomModule> modules = new ArrayList<>();
        for (RoomModule m : all()) {
            if (!left.remove(m.name())) {
                modules.add(m);
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("not a standard module: " + left);
        }
        return modules;
    }
}
