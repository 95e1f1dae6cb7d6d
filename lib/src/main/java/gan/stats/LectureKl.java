package gan.stats;

/**
 * The result of the lecture's own KL function (see {@link Divergences#lectureKl}), which can be NaN or
 * +∞, or of its chapter 10 variant ({@link Divergences#lectureKlPlusEpsilon}): kept only to show why ours
 * differs.
 *
 * @param p     histP / (Σ histP + 1e-8) (chapter 10: histP / Σ histP + 1e-8), the real sample's bins over its own range
 * @param q     histQ / (Σ histQ + 1e-8) (chapter 10: histQ / Σ histQ + 1e-8), the fakes on the same edges (fakes
 *              outside are dropped)
 * @param kld   Σ p · log(p / q) with IEEE arithmetic: for lectureKl NaN when any p_i = 0, +∞ when p_i &gt; 0 = q_i
 * @param edges the bins + 1 edges, numpy's {@code linspace(min(real), max(real), bins + 1)}
 */
public record LectureKl(double[] p, double[] q, double kld, double[] edges) {
}
