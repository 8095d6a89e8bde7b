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

    /**
     * The input was acceptable; {@code value} is what it means.
     *
     * @param value the checked value
     * @param <T> the type of the value
     */
    record Accepted<T>(T value) implements Checked<T> {
        /**
         * Checks the value.
         *
         * @param value the checked value
         * @throws NullPointerException if {@code value} is null
         */
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The input was refused with {@code error}.
     *
     * @param error the error to answer with
     * @param <T> the type the value would have had
     */
    record Refused<T>(StanzaError error) implements Checked<T> {
        /**
         * Checks the error.
         *
         * @param error the error to answer with
         * @throws NullPointerException if {@code error} is null
         */
        public Refused {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * An accepted value.
     *
     * @param <T> the type of the value
     * @param value the value, not null
     * @return {@code new Accepted<>(value)}
     */
    static <T> Checked<T> accepted(T value) {
        return new Accepted<>(value);
    }

    /**
     * A refusal.
     *
     * @param <T> the type the value would have had
     * @param error the error to answer with
     * @return {@code new Refused<>(error)}
     */
    static <T> Checked<T> refused(StanzaError error) {
        return new Refused<>(error);
    }

    /**
     * A refusal with {@code condition} (of its usual type) and a human-readable {@code text}.
     *
     * @param <T> the type the value would have had
     * @param condition the error condition
     * @param text the error's text
     * @return the refusal
     */
    static <T> Checked<T> refused(Condition condition, String text) {
        return new Refused<>(StanzaError.of(condition).withText(text));
    }

    /**
     * The error, if this is a refusal.
     *
     * @return the error, or empty if the value was accepted
     */
    default Optional<StanzaError> refusal() {
        return this instanceof Refused<T> r ? Optional.of(r.error()) : Optional.empty();
    }

    /**
     * The accepted value.
     *
     * @return the value
     * @throws IllegalStateException if this is a refusal; check {@link #refusal()} first
     */
    default T value() {
        if (this instanceof Accepted<T> a) {
            return a.value();
        }
        throw new IllegalStateException("refused: " + ((Refused<T>) this).error());
    }

    /**
     * The accepted value transformed, or the same refusal.
     *
     * @param <U> the type of the transformed value
     * @param f the transformation, applied only to an accepted value; must not return null
     * @return the transformed value, accepted, or this refusal
     */
    default <U> Checked<U> map(Function<? super T, ? extends U> f) {
        return flatMap(v -> new Accepted<>(f.apply(v)));
    }

    /**
     * The check {@code f} makes of the accepted value, or the same refusal.
     *
     * @param <U> the type of the value {@code f} checks
     * @param f the next check, applied only to an accepted value
     * @return what {@code f} returns, or this refusal
     */
    default <U> Checked<U> flatMap(Function<? super T, Checked<U>> f) {
        if (this instanceof Accepted<T> a) {
            return f.apply(a.value());
        }
        return new Refused<>(((Refused<T>) this).error());
    }
}
