package dev.mucengine.core.examples;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Refuses groupchat messages that contain a word the room's owner listed. */
public final class WordFilter implements RoomModule {

    /** The configuration field: the words, one per value. */
    public static final String WORDS = "x-wordfilter#words";

    @Override
    public String name() {
        return "word-filter";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(new WordsField());
    }

    @Override
    public Optional<StanzaError> checkGroupchat(RoomView room, Occupant sender, Message message) {
        String body = message.body().orElse("").toLowerCase(Locale.ROOT);
        for (String word : room.config().setting(WORDS, List.of())) {
            if (body.contains(word)) {
                return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE)
                        .withText("This room does not allow the word '" + word + "'"));
            }
        }
        return Optional.empty();
    }

    /** A text-multi field whose values the room keeps as its setting. */
    private static final class WordsField implements ConfigField {

        @Override
        public String var() {
            return WORDS;
        }

        @Override
        public FormField render(RoomView room) {
            return FormField.of(WORDS, FieldType.TEXT_MULTI, "Words not allowed in messages",
                    room.config().setting(WORDS, List.of()));
        }

        @Override
        public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
            List<String> words = new ArrayList<>();
            for (String value : values) {
                String word = value.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            if (words.size() > 100) {
                return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("At most 100 words"));
            }
            draft.config().setting(WORDS, words);
            return Optional.empty();
        }
    }
}
