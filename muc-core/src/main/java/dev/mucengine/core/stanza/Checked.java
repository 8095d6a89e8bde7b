package dev.mucengine.core.stanza;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value that passed a check, or the error to answer with: how the engine reports that input
 * is unacceptable without throwing.
 *
 * @param <T> the checked value
 */
public sealed interface Checked<T> permits Checked.Accepted, Checked.Refused {

    /** The input was acceptable; {@code value} is what it means. */
    record Accepted<T>(T value) implements Checked<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused with {@code error}. */
    record Refused<T>(StanzaError error) implements Checked<T> {
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Checked<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Checked<T> refused(StanzaError error) {
        return new Refused<>(error);
    }

    /** A refusal with {@code condition} and a human-readable {@code text}. */
    static <T> Checked<T> refused(Condition condition, String text) {
        return new Refused<>(StanzaError.of(condition).withText(text));
    }

    /** The error, if this is a refusal. */
    default Optional<StanzaError> refusal() {
        return this instanceof Refused<T> r ? Optional.of(r.error()) : Optional.empty();
    }

    /**
     * The accepted value.
     *
     * @throws IllegalStateException if this is a refusal; check {@link #refusal()} first
     */
    default T value() {
        if (this instanceof Accepted<T> a) {
            return a.value();
        }
        throw new IllegalStateException("refused: " + ((Refused<T>) this).error());
    }

    /** The accepted value transformed, or the same refusal. */
    default <U> Checked<U> map(Function<? super T, ? extends U> f) {
        return flatMap(v -> new Accepted<>(f.apply(v)));
    }

    /** The check {@code f} makes of the accepted value, or the same refusal. */
    default <U> Checked<U> flatMap(Function<? super T, Checked<U>> f) {
        if (this instanceof Accepted<T> a) {
            return f.apply(a.value());
        }
        return new Refused<>(((Refused<T>) this).error());
    }
}
