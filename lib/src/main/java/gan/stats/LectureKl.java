package gan.stats;

/**
 * A faithful replica of the lecture's own {@code KL(P, Q)} (6-1.GAN(Normal).py), which can be NaN or +∞, and
 * of its chapter 10 variant: kept only to show why {@link Divergences#klHistogram} differs.
 *
 * <pre>
 *   histP, binsP = np.histogram(P, bins=50)          # bins over the REAL data's range only
 *   histQ, binsQ = np.histogram(Q, bins=binsP)       # fakes outside that range are dropped
 *   histP = histP / (np.sum(histP) + 1e-8)           # chapter 10: histP / np.sum(histP) + 1e-8
 *   histQ = histQ / (np.sum(histQ) + 1e-8)           # chapter 10: histQ / np.sum(histQ) + 1e-8
 *   kld = np.sum(histP * np.log(histP / histQ))
 * </pre>
 *
 * Binning: the library's one rule, {@link Bins}, which is numpy's (edges {@code linspace(min, max, bins + 1)},
 * the last bin closed, a zero-width range widened to [v − 0.5, v + 0.5]), spanned over the <em>real</em>
 * sample only ({@code Bins.spanning(min(real), max(real), bins)}) and with the fakes outside it dropped, as
 * {@code np.histogram(Q, bins=binsP)} does; the library's divergences span both samples instead. The sum is
 * sequential where numpy's is pairwise, so finite results may differ in the last bits.
 *
 * @param p     histP / (Σ histP + 1e-8) (chapter 10: histP / Σ histP + 1e-8), the real sample's bins over its own range
 * @param q     histQ / (Σ histQ + 1e-8) (chapter 10: histQ / Σ histQ + 1e-8), the fakes on the same edges (fakes
 *              outside are dropped)
 * @param kld   Σ p · log(p / q) with IEEE arithmetic: for {@link #of} NaN when any p_i = 0, +∞ when p_i &gt; 0 = q_i
 * @param edges the bins + 1 edges, numpy's {@code linspace(min(real), max(real), bins + 1)}
 */
public record LectureKl(double[] p, double[] q, double kld, double[] edges) {

    /** {@link #of(double[], double[], int)} with the lecture's {@value Divergences#LECTURE_BINS} bins. */
    public static LectureKl of(double[] real, double[] fake) {
        return of(real, fake, Divergences.LECTURE_BINS);
    }

    /**
     * The lecture's {@code KL(P, Q)}: histP / (Σ histP + 1e-8), the same for Q, then Σ p · log(p / q).
     * With IEEE arithmetic, as numpy: a bin with p_i = 0 gives 0 · log(0/q) = 0 · (−∞) = NaN (or 0/0 = NaN),
     * so one empty real bin, common in the tails of 1,000 normal points in 50 bins, makes the result NaN; a
     * bin with p_i &gt; 0 = q_i gives +∞. Use {@link Divergences#klHistogram} instead.
     *
     * @param real P, non-empty, finite. Not modified.
     * @param fake Q, non-empty, finite. Not modified.
     * @param bins number of bins, 1 … {@value Divergences#MAX_BINS}
     */
    public static LectureKl of(double[] real, double[] fake, int bins) {
        return lecture(real, fake, bins, false);
    }

    /** {@link #plusEpsilon(double[], double[], int)} with the lecture's {@value Divergences#LECTURE_BINS} bins. */
    public static LectureKl plusEpsilon(double[] real, double[] fake) {
        return plusEpsilon(real, fake, Divergences.LECTURE_BINS);
    }

    /**
     * The variant of the lecture's {@code KL(P, Q)} in the course's chapter 10 stock script (lines 43–54 of its
     * 005380 file), which adds 10⁻⁸ <em>after</em> normalising instead of to the sum: histP / Σ histP + 1e-8.
     * Same bins as {@link #of(double[], double[], int)} (the real sample's range; fakes outside it are
     * dropped). Never NaN or +∞ (every share is at least 10⁻⁸), but a real bin without fakes costs
     * p_i · log(p_i / 10⁻⁸), e.g. 0.005 · log(5·10⁵) = 0.066 for one real point of 200. If no fake falls in the
     * real range the fake shares are 0/0 = NaN, as in numpy.
     *
     * @param real P, non-empty, finite. Not modified.
     * @param fake Q, non-empty, finite. Not modified.
     * @param bins number of bins, 1 … {@value Divergences#MAX_BINS}
     */
    public static LectureKl plusEpsilon(double[] real, double[] fake, int bins) {
        return lecture(real, fake, bins, true);
    }

    private static LectureKl lecture(double[] real, double[] fake, int bins, boolean epsilonAfter) {
        Divergences.checkSample1D("real", real);
        Divergences.checkSample1D("fake", fake);
        Divergences.checkBins("bins", bins, Divergences.MAX_BINS);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : real) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Bins b = Bins.spanning(lo, hi, bins);        // np.histogram(P, bins): the real range only
        double[] histP = b.counts(real);
        double[] histQ = b.counts(fake);             // np.histogram(Q, bins=binsP) drops fakes outside
        double sumP = 0;
        double sumQ = 0;
        for (int i = 0; i < bins; i++) {
            sumP += histP[i];
            sumQ += histQ[i];
        }
        double kld = 0;
        for (int i = 0; i < bins; i++) {
            if (epsilonAfter) {
                histP[i] = histP[i] / sumP + 1e-8;
                histQ[i] = histQ[i] / sumQ + 1e-8;
            } else {
                histP[i] = histP[i] / (sumP + 1e-8);
                histQ[i] = histQ[i] / (sumQ + 1e-8);
            }
            kld += histP[i] * Math.log(histP[i] / histQ[i]);   // IEEE: NaN and +∞ pass through, as in numpy
        }
        return new LectureKl(histP, histQ, kld, b.edges());
    }
}
