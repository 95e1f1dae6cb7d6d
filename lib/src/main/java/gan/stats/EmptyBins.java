package gan.stats;

/**
 * What a histogram KL(P‖Q) does with a bin where P has mass and Q has none, where the exact term
 * P_i · log(P_i / 0) is +∞. (Bins with P_i = 0 always contribute 0, by the convention 0 · log 0 = 0.)
 *
 * <ul>
 *   <li>{@link #smoothing(double) smoothing(ε)}, ε &gt; 0: additive smoothing of both histograms,
 *       P'_i = (P_i + ε) / (1 + Bε) and Q'_i = (Q_i + ε) / (1 + Bε) over all B bins, and the value is
 *       KL(P'‖Q'), finite and ≥ 0. An empty Q bin then costs about P_i · log(P_i / ε), so the value grows
 *       with log(1/ε): compare values only at one ε. Non-empty bins move by O(Bε).</li>
 *   <li>{@link #INFINITY}: no smoothing; the value is the exact binned KL, +∞ if any bin has
 *       P_i &gt; 0 = Q_i.</li>
 * </ul>
 *
 * <p>{@link #DEFAULT} is smoothing with ε = {@value #DEFAULT_EPSILON}: a thousandth of one sample's share
 * for the lecture's 1,000 points, so it cannot mask a real difference, while a fake sample that misses a
 * bin with one real point (P_i = 0.001) adds 0.001 · log(0.001 / 1e-6) = 0.0069 instead of +∞.
 * JSD never needs a rule: its mixture M = (P + Q)/2 is positive wherever P or Q is.
 *
 * @param epsilon ε ≥ 0, the mass added to every bin; 0 means {@link #INFINITY}
 */
public record EmptyBins(double epsilon) {
    /** The default smoothing mass per bin. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** Report +∞ when Q has an empty bin where P has mass (the exact binned KL). */
    public static final EmptyBins INFINITY = new EmptyBins(0);
    /** Additive smoothing with ε = {@value #DEFAULT_EPSILON}. */
    public static final EmptyBins DEFAULT = new EmptyBins(DEFAULT_EPSILON);

    /** Validates ε: finite and in [0, 1). */
    public EmptyBins {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1) (0 = report +∞, > 0 = additive smoothing), got "
                    + epsilon);
        }
    }

    /** Additive smoothing with mass ε &gt; 0 per bin. */
    public static EmptyBins smoothing(double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0 for smoothing (use EmptyBins.INFINITY for none), got "
                    + epsilon);
        }
        return new EmptyBins(epsilon);
    }

    /** True for smoothing, false for {@link #INFINITY}. */
    public boolean smooths() {
        return epsilon > 0;
    }

    @Override
    public String toString() {
        return smooths() ? "EmptyBins[additive smoothing ε=" + epsilon + "]" : "EmptyBins[+∞ for empty Q bins]";
    }
}
