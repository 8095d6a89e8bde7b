package dev.mucengine.core.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a sequence of actions from the fuzzer's bytes: the kind of each action, who does it
 * and to which room come from the world's pools; nicknames, bodies, passwords, roles,
 * affiliations, affiliation targets and form values are either the pools' or any string the
 * fuzzer makes up (as a decoder would produce them: only characters XML allows).
 */
final class FuzzedActions {

    private static final int MAX_ACTIONS = 48;
    private static final List<String> FORM_FIELDS = List.of("membersonly", "moderatedroom", "persistentroom",
            "passwordprotectedroom", "roomsecret", "maxusers", "whois", "presencebroadcast", "roomowners",
            "roomadmins", "allowregister", "enablearchiving");

    private FuzzedActions() {
    }

    static List<Action> decode(FuzzedDataProvider data) {
        List<Action> actions = new ArrayList<>(Scripts.PRELUDE);
        while (data.remainingBytes() > 0 && actions.size() < MAX_ACTIONS) {
            actions.add(next(data));
        }
        return actions;
    }

    private static Action next(FuzzedDataProvider data) {
        String user = data.pickValue(World.USERS);
        String room = data.pickValue(World.ROOMS);
        return switch (data.consumeInt(0, 7)) {
            case 0 -> new Action.Join(user, room, text(data, World.NICKS),
                    data.consumeBoolean() ? Optional.of(text(data, World.PASSWORDS)) : Optional.empty());
            case 1 -> new Action.Nick(user, room, text(data, World.NICKS));
            case 2 -> new Action.Leave(user, room);
            case 3 -> new Action.Say(user, room, text(data, List.of("hi", "")));
            case 4 -> new Action.SetRole(user, room, text(data, World.NICKS),
                    text(data, List.of("none", "visitor", "participant", "moderator")));
            case 5 -> new Action.SetAffiliation(user, room, text(data, World.TARGETS),
                    text(data, List.of("none", "member", "admin", "owner", "outcast")));
            case 6 -> new Action.Configure(user, room, form(data));
            default -> new Action.Destroy(user, room);
        };
    }

    private static Map<String, String> form(FuzzedDataProvider data) {
        Map<String, String> fields = new LinkedHashMap<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            fields.put(data.pickValue(FORM_FIELDS), text(data, List.of("0", "1", "none", "2", "secret",
                    "ann@example.net", "moderator")));
        }
        return fields;
    }

    /** Mostly one of the pool's values, so that actions meet; else any short string. */
    private static String text(FuzzedDataProvider data, List<String> pool) {
        if (data.consumeInt(0, 3) > 0) {
            return data.pickValue(pool);
        }
        return xmlChars(data.consumeString(24));
    }

    private static String xmlChars(String s) {
        StringBuilder kept = new StringBuilder();
        s.codePoints().filter(FuzzedActions::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
