package gan.stats;

/**
 * How far a trained discriminator D is from the optimal D*(x) = p_data(x) / (p_data(x) + p_g(x)) on a grid of
 * points (see {@link GanTheory#discriminatorGap}). The arrays belong to this record: do not modify them.
 *
 * @param max    max_i |D(x_i) − D*(x_i)|
 * @param mean   (1/N) Σ_i |D(x_i) − D*(x_i)|
 * @param argMax the x_i where the largest gap occurs
 * @param x      the N evaluation points, equally spaced over [x[0], x[N−1]]
 * @param d      D(x_i)
 * @param dStar  D*(x_i)
 */
public record DiscriminatorGap(double max, double mean, double argMax, double[] x, double[] d, double[] dStar) {
}
