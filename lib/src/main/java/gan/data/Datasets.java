package gan.data;

import gan.Rng;
import gan.stats.GaussianMixture;

/**
 * The lecture's real data, as samples and as densities. The densities are {@link GaussianMixture}s, the same
 * objects that {@code gan.stats} integrates, so the data a GAN learns and the p_data of D* and JSD are one
 * definition.
 *
 * <ul>
 *   <li>Example 1 (6-5): x ~ N(0, 1), {@value #LECTURE_SIZE} points ({@code np.random.normal(size=1000)}).</li>
 *   <li>Example 2 (6-6): four Gaussians with means (0,0), (0,2), (2,0), (2,2), std 0.5, equal weights.</li>
 * </ul>
 */
public final class Datasets {
    /** The lecture's sample size for the real data. */
    public static final int LECTURE_SIZE = 1000;
    /** p_data of example 1: N(0, 1). */
    public static final GaussianMixture STANDARD_NORMAL = GaussianMixture.normal(0, 1);
    /** p_data of example 2: ¼ Σ N(μ_k, 0.5² I), μ ∈ {(0,0), (0,2), (2,0), (2,2)}. */
    public static final GaussianMixture FOUR_GAUSSIANS =
            GaussianMixture.equalWeights(new double[][] {{0, 0}, {0, 2}, {2, 0}, {2, 2}}, 0.5);

    private Datasets() {
    }

    /**
     * n draws of N(0, 1): exactly the numbers of n calls of {@code rng.nextGaussian()}.
     *
     * @param n   ≥ 1 (the lecture: {@value #LECTURE_SIZE})
     * @param rng modified (advanced)
     */
    public static double[] standardNormal(int n, Rng rng) {
        return STANDARD_NORMAL.sample1D(n, rng);
    }

    /**
     * n independent draws (n × 2) of the four-Gaussian mixture {@link #FOUR_GAUSSIANS}: each row picks one of
     * the four means with probability ¼ (so the counts per mean vary around n/4), then adds N(0, 0.5² I).
     *
     * @param n   ≥ 1
     * @param rng modified (advanced)
     */
    public static double[][] fourGaussians(int n, Rng rng) {
        return FOUR_GAUSSIANS.sample(n, rng);
    }

    /** n draws (n × d) of any mixture; the same as {@code mixture.sample(n, rng)}. rng: modified. */
    public static double[][] mixture(GaussianMixture mixture, int n, Rng rng) {
        gan.Check.notNull("mixture", mixture);
        return mixture.sample(n, rng);
    }
}
