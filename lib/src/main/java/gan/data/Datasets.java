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
 *   <li>Beyond the lecture (mode collapse): the ring of eight Gaussians of Metz et al. (2017), {@link #RING}.</li>
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

    /** Modes of the ring of {@link #RING}: eight, as in Metz et al. (2017), "Unrolled generative adversarial networks". */
    public static final int RING_MODES = 8;
    /** Radius of the ring of {@link #RING}. */
    public static final double RING_RADIUS = 2;
    /** Standard deviation of each mode of {@link #RING}. */
    public static final double RING_STD = 0.02;
    /**
     * The standard mode-collapse test of Metz et al. (2017): eight Gaussians with std {@value #RING_STD} and equal
     * weights, their means evenly spaced on a circle of radius {@value #RING_RADIUS},
     * μ_j = 2·(cos(2πj/8), sin(2πj/8)), j = 0 … 7. Neighbouring means are 2·2·sin(π/8) = 1.53 apart, 77 stds.
     */
    public static final GaussianMixture RING = ring(RING_MODES, RING_RADIUS, RING_STD);

    /**
     * {@code modes} Gaussians of standard deviation {@code std} and equal weights, with means evenly spaced on a
     * circle of {@code radius} around the origin: μ_j = radius·(cos(2πj/modes), sin(2πj/modes)).
     *
     * @param modes  ≥ 1
     * @param radius positive and finite
     * @param std    positive and finite
     */
    public static GaussianMixture ring(int modes, double radius, double std) {
        gan.Check.atLeast("modes", modes, 1);
        gan.Check.positive("radius", radius);
        double[][] means = new double[modes][];
        for (int j = 0; j < modes; j++) {
            double a = 2 * Math.PI * j / modes;
            means[j] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return GaussianMixture.equalWeights(means, std);
    }

    /**
     * n independent draws (n × 2) of the ring {@link #RING}: each row picks one of the eight modes with probability
     * ⅛, then adds N(0, 0.02² I).
     *
     * @param n   ≥ 1
     * @param rng modified (advanced)
     */
    public static double[][] ring(int n, Rng rng) {
        return RING.sample(n, rng);
    }
}
