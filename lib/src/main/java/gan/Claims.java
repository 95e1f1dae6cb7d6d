package gan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The two kinds of check a notebook makes, kept apart so that a reader who changes the parameters cell can
 * still run every cell to the end.
 *
 * <ul>
 *   <li>An <b>invariant</b> holds whatever the parameters are (a loss is finite, an identity holds to 1e-6, a
 *       saved model reloads exactly). {@link #invariant} always throws when it fails.</li>
 *   <li>A <b>lecture claim</b> is about the result the lecture's parameters give (D-loss within 0.03 of log 4
 *       after 10,000 epochs). {@link #lecture} throws when it fails <em>and</em> every parameter registered with
 *       {@link #param} has the lecture's value; otherwise it prints what it found and that it is not asserted
 *       because the parameters differ, naming them, and returns.</li>
 * </ul>
 *
 * <pre>
 *   Claims claims = Claims.lectureParameters()
 *           .param("nK", nK, 2)
 *           .param("learningRate", learningRate, 1e-4);
 *   claims.invariant("final D-loss is finite", Double.isFinite(dLoss), "D-loss = " + dLoss);
 *   claims.lecture("final D-loss within 0.03 of log 4", Math.abs(dLoss - Math.log(4)) &lt;= 0.03,
 *           String.format("D-loss = %.4f", dLoss));
 * </pre>
 *
 * Every call prints one line ({@code ✔ invariant: …}, {@code ✔ lecture: …}, or
 * {@code – not asserted (nK = 1, lecture 2): …}), so the output of a check cell reads as a report.
 */
public final class Claims {
    private final Map<String, Object[]> params = new LinkedHashMap<>();   // name -> {value, lecture value}
    private final Consumer<String> out;
    private final List<String> notAsserted = new ArrayList<>();

    private Claims(Consumer<String> out) {
        this.out = out;
    }

    /** Claims that print to standard output. */
    public static Claims lectureParameters() {
        return new Claims(System.out::println);
    }

    /** Claims that send their report lines to {@code out} (tests). */
    public static Claims lectureParameters(Consumer<String> out) {
        return new Claims(Check.notNull("out", out));
    }

    /**
     * Registers a parameter with the value the notebook uses and the lecture's value. Numbers are compared by
     * value ({@code 2}, {@code 2L} and {@code 2.0} are the same), anything else with {@code equals}.
     *
     * @throws IllegalArgumentException if {@code name} is blank or already registered
     */
    public Claims param(String name, Object value, Object lectureValue) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank parameter name, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        if (params.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " is already registered");
        }
        params.put(name, new Object[] {value, lectureValue});
        return this;
    }

    /** True when every registered parameter has the lecture's value. */
    public boolean isLecture() {
        return differences().isEmpty();
    }

    /** The registered parameters that differ from the lecture's, as {@code "nK = 1, lecture 2"}; empty if none. */
    public List<String> differences() {
        List<String> diff = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : params.entrySet()) {
            Object value = e.getValue()[0];
            Object lecture = e.getValue()[1];
            if (!same(value, lecture)) {
                diff.add(e.getKey() + " = " + value + ", lecture " + lecture);
            }
        }
        return diff;
    }

    /**
     * Asserts a claim that must hold for any parameters.
     *
     * @param claim what is claimed, e.g. "final D-loss is finite"
     * @param holds whether it holds
     * @param found what was measured, printed either way
     * @throws IllegalStateException if it does not hold
     */
    public void invariant(String claim, boolean holds, String found) {
        if (!holds) {
            throw new IllegalStateException("invariant failed: " + claim + "; found " + found);
        }
        out.accept("\u2714 invariant: " + claim + " (" + found + ")");
    }

    /**
     * Asserts a claim about the lecture's results when the parameters are the lecture's; reports it otherwise.
     *
     * @return {@code holds}, so that a cell may go on to describe the outcome
     * @throws IllegalStateException if it does not hold and the parameters are the lecture's
     */
    public boolean lecture(String claim, boolean holds, String found) {
        List<String> diff = differences();
        if (diff.isEmpty()) {
            if (!holds) {
                throw new IllegalStateException("lecture claim failed with the lecture's parameters: " + claim + "; found " + found);
            }
            out.accept("\u2714 lecture: " + claim + " (" + found + ")");
        } else {
            String line = "\u2013 not asserted (" + String.join("; ", diff) + "): " + claim + ": "
                    + (holds ? "holds" : "does not hold") + " (" + found + ")";
            notAsserted.add(line);
            out.accept(line);
        }
        return holds;
    }

    /** The report lines of the lecture claims that were not asserted because the parameters differ. */
    public List<String> notAsserted() {
        return List.copyOf(notAsserted);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }
}
