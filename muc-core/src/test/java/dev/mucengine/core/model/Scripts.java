package dev.mucengine.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of action sequences in {@link World}. Joins and nickname changes come often
 * (rooms must be entered before anything else can happen), configuration changes often enough to
 * unlock new rooms; every value comes from the world's small pools, so that actions collide: two
 * sessions want one nickname, a ban hits someone present, a members-only switch removes people.
 */
final class Scripts {

    private Scripts() {
    }

    /**
     * A prelude that opens both rooms (ann creates and configures alpha, bob enters beta as a
     * groupchat 1.0 client, which makes an instant room), then up to {@code maxLength} random
     * actions. Without the prelude most sequences would spend their length on rooms still locked.
     */
    static Arbitrary<List<Action>> sequences(int maxLength) {
        Arbitrary<List<Action>> step = Arbitraries.frequencyOf(
                Tuple.of(12, action().map(List::of)),
                Tuple.of(1, story()));
        return step.list().ofMinSize(1).ofMaxSize(maxLength).map(steps -> {
            List<Action> script = new ArrayList<>(PRELUDE);
            steps.forEach(script::addAll);
            return script;
        });
    }

    /**
     * A few actions that together reach a state single random actions rarely reach: the room's
     * owner bans, kicks, or revokes the membership of someone who just entered, or makes the room
     * members-only under them. Other actions may still come in between.
     */
    private static Arbitrary<List<Action>> story() {
        Arbitrary<Integer> room = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> user = Arbitraries.integers().between(0, World.USERS.size() - 1);
        Arbitrary<String> nick = Arbitraries.of(World.NICKS);
        return Combinators.combine(room, user, nick, Arbitraries.integers().between(0, 3)).as((r, u, n, kind) -> {
            String roomJid = World.ROOMS.get(r);
            String owner = r == 0 ? "ann@example.net/desk" : "bob@example.net/desk";
            String who = World.USERS.get(u);
            String bare = who.substring(0, who.indexOf('/'));
            Action enter = new Action.Join(who, roomJid, n, Optional.empty());
            return switch (kind) {
                case 0 -> List.of(new Action.SetAffiliation(owner, roomJid, bare, "member"), enter,
                        new Action.Configure(owner, roomJid, Map.of("membersonly", "1")),
                        new Action.SetAffiliation(owner, roomJid, bare, "none"));
                case 1 -> List.of(enter, new Action.SetAffiliation(owner, roomJid, bare, "outcast"));
                case 2 -> List.of(enter, new Action.SetRole(owner, roomJid, n, "none"));
                default -> List.of(enter, new Action.Configure(owner, roomJid, Map.of("membersonly", "1")));
            };
        });
    }

    static final List<Action> PRELUDE = List.of(
            new Action.Join("ann@example.net/desk", "alpha@muc.example", "ann", Optional.empty()),
            new Action.Configure("ann@example.net/desk", "alpha@muc.example", Map.of()),
            new Action.Nick("bob@example.net/desk", "beta@muc.example", "bob"));

    static Arbitrary<Action> action() {
        Arbitrary<String> user = Arbitraries.of(World.USERS);
        // Owners act more often than others: most of what others try is refused, and the rules
        // under test are about what owners and admins do.
        Arbitrary<String> actor = Arbitraries.frequency(Tuple.of(3, World.USERS.get(0)),
                Tuple.of(1, World.USERS.get(1)), Tuple.of(3, World.USERS.get(2)), Tuple.of(1, World.USERS.get(3)));
        Arbitrary<String> room = Arbitraries.of(World.ROOMS);
        Arbitrary<String> nick = Arbitraries.of(World.NICKS);
        Arbitrary<Optional<String>> password = Arbitraries.of(World.PASSWORDS).optional(0.3);
        Arbitrary<String> affiliation = Arbitraries.frequency(Tuple.of(4, "member"), Tuple.of(3, "none"),
                Tuple.of(1, "outcast"), Tuple.of(1, "admin"), Tuple.of(1, "owner"));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(user, room, nick, password).as(Action.Join::new)),
                Tuple.of(3, Combinators.combine(user, room, nick).as(Action.Nick::new)),
                Tuple.of(3, Combinators.combine(user, room).as(Action.Leave::new)),
                Tuple.of(1, Combinators.combine(user, room, Arbitraries.of("hi", "")).as(Action.Say::new)),
                Tuple.of(3, Combinators.combine(actor, room, nick,
                        Arbitraries.of("none", "visitor", "participant", "moderator")).as(Action.SetRole::new)),
                Tuple.of(6, Combinators.combine(actor, room, Arbitraries.of(World.TARGETS), affiliation)
                        .as(Action.SetAffiliation::new)),
                Tuple.of(4, Combinators.combine(actor, room, configuration()).as(Action.Configure::new)),
                Tuple.of(1, Combinators.combine(actor, room).as(Action.Destroy::new)));
    }

    /** One to four of the fields the invariants are about, with values the form accepts and some it refuses. */
    private static Arbitrary<Map<String, String>> configuration() {
        Arbitrary<Map.Entry<String, String>> field = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "1").map(v -> Map.entry("membersonly", v)),
                Arbitraries.of("0", "1").map(v -> Map.entry("moderatedroom", v)),
                Arbitraries.of("0", "1").map(v -> Map.entry("persistentroom", v)),
                Arbitraries.of("0", "1").map(v -> Map.entry("passwordprotectedroom", v)),
                Arbitraries.of("secret", "").map(v -> Map.entry("roomsecret", v)),
                Arbitraries.of("none", "2", "3", "lots").map(v -> Map.entry("maxusers", v)));
        return field.list().ofMinSize(0).ofMaxSize(4).map(entries -> {
            Map<String, String> fields = new LinkedHashMap<>();
            entries.forEach(e -> fields.put(e.getKey(), e.getValue()));
            return fields;
        });
    }
}
