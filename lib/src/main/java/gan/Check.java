package gan;

import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Argument checks whose messages name the parameter, the value and what is allowed, e.g.
 * {@code "learningRate must be a positive finite number, got -0.1"}. Every public entry point of the
 * library validates with these, so bad input fails at the call that made it, never later as a NaN.
 */
public final class Check {
    private Check() {
    }

    /** {@code value > 0} and finite. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /** {@code value >= 0} and finite. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A finite number (not NaN, not infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /** {@code lo <= value <= hi} (so NaN fails). */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Not null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** A non-empty array of finite numbers; the message names the first bad index. */
    public static double[] finiteValues(String name, double[] values) {
        notNull(name, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be a finite number, got " + values[i]);
            }
        }
        return values;
    }

    /**
     * The constant of {@code values} that {@code name} names, trimmed and ignoring case: by its label (e.g.
     * {@code "leaky-relu"}) or its Java name ({@code "LEAKY_RELU"}). The message lists the labels, e.g.
     * {@code "noise must be one of uniform, gaussian; got 'normal'"}.
     *
     * @param what   what is parsed, for the message ("noise", "generator loss")
     * @param values the constants, in the order the message lists them
     * @param label  each constant's label
     */
    public static <E extends Enum<E>> E oneOf(String what, String name, E[] values, Function<E, String> label) {
        notNull(what, name);
        String key = name.trim();
        StringJoiner allowed = new StringJoiner(", ");
        for (E e : values) {
            if (label.apply(e).equalsIgnoreCase(key) || e.name().equalsIgnoreCase(key)) {
                return e;
            }
            allowed.add(label.apply(e));
        }
        throw new IllegalArgumentException(what + " must be one of " + allowed + "; got '" + name + "'");
    }
}
