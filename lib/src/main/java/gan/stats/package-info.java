/**
 * Statistics for judging a GAN: densities, divergences and the theory of the lecture's section 6-7.
 *
 * <ul>
 *   <li>{@link gan.stats.Density} — what can be integrated: {@link gan.stats.GaussianMixture} (normals and
 *       mixtures, also the samplers behind {@code gan.data.Datasets}) and {@link gan.stats.Kde} (kernel
 *       density estimates of samples).</li>
 *   <li>{@link gan.stats.Divergences} — KL and JSD from samples (histograms on shared {@link gan.stats.Bins},
 *       never NaN, with an explicit {@link gan.stats.EmptyBins} rule); {@link gan.stats.DensityDivergences} —
 *       KL and JSD of densities (numerical integration with {@link gan.stats.Quadrature}) and the closed form
 *       for normals; {@link gan.stats.LectureKl} — a replica of the lecture's own KL function that shows why it
 *       returns NaN, with the chapter 10 script's variant.</li>
 *   <li>{@link gan.stats.Bins} (the one binning rule: equal-width edges, numpy's index rule) and
 *       {@link gan.stats.Grid} (linspace, and the walk over a tensor grid).</li>
 *   <li>{@link gan.stats.GanTheory} — V(D, G), D* = p_data / (p_data + p_g), V(D*, G) = −log 4 + 2·JSD, and the
 *       gap between a trained D and D*.</li>
 *   <li>{@link gan.stats.NonSaturating} — what the non-saturating G-loss minimises at D*:
 *       KL(p_g ‖ p_data) − 2·JSD (Arjovsky &amp; Bottou 2017).</li>
 *   <li>{@link gan.stats.Samples} — mean, standard deviation and quantiles with numpy's conventions, and a
 *       sample as rows or columns.</li>
 * </ul>
 *
 * The finance statistics (moments, tails, correlation, drawdown) are in {@code gan.finance}.
 *
 * Conventions throughout: natural logarithms (nats; JSD ≤ log 2), bits only through
 * {@link gan.stats.Divergences#bits(double)}; 0 · log 0 = 0; bad input (null, empty, NaN, bins &lt; 1,
 * mismatched dimensions) is an {@link java.lang.IllegalArgumentException} naming the argument and its value.
 */
package gan.stats;
