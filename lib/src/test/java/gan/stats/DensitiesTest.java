package gan.stats;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static gan.Tolerances.QUADRATURE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import org.junit.jupiter.api.Test;

/** GaussianMixture, Kde, Quadrature and Samples. */
class DensitiesTest {
    /** Sample moments of 200,000 draws: a few standard errors (σ/√n ≈ 0.0022). */
    static final double MOMENT_TOL = 0.01;

    private static final GaussianMixture FOUR = GaussianMixture.equalWeights(
            new double[][] {{0, 0}, {0, 2}, {2, 0}, {2, 2}}, 0.5);

    // ------------------------------------------------------------------ GaussianMixture

    @Test
    void normalDensityMatchesTheFormulaAndIntegratesToOne() {
        GaussianMixture n = GaussianMixture.normal(1, 2);
        for (double x : new double[] {-3, 0, 1, 2.5}) {
            double z = (x - 1) / 2;
            assertEquals(Math.exp(-z * z / 2) / (2 * Math.sqrt(2 * Math.PI)), n.density(x), EXACT);
        }
        assertEquals(1, Quadrature.covering(n).integrate1D(n::density), QUADRATURE);
        // far tail: the density underflows, its log does not
        assertEquals(-0.5 * 100 * 100 - Math.log(Math.sqrt(2 * Math.PI)), GaussianMixture.normal(0, 1).logDensity(100),
                EXACT * 1e4);
        assertEquals(Double.NEGATIVE_INFINITY, GaussianMixture.normal(0, 1).logDensity(Double.POSITIVE_INFINITY));
    }

    @Test
    void mixtureDensityIsTheWeightedSumAndIntegratesToOne() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2}, {1.5}},
                new double[] {0.5, 0.8});
        double x = 0.4;
        double expected = 0.3 * GaussianMixture.normal(-2, 0.5).density(x) + 0.7 * GaussianMixture.normal(1.5, 0.8).density(x);
        assertEquals(expected, mix.density(x), EXACT);
        assertEquals(1, Quadrature.covering(mix).integrate1D(mix::density), QUADRATURE);
        assertEquals(1, Quadrature.covering(FOUR).integrate(FOUR::density), QUADRATURE);
        // log-sum-exp stays exact far out, where both components underflow (42 σ of the wider one dominates)
        double far = mix.logDensity(-32);
        assertEquals(Math.log(0.7) - Math.log(0.8 * Math.sqrt(2 * Math.PI)) - 33.5 * 33.5 / (2 * 0.64), far, EXACT * 1e3);   // a value of order 10³
    }

    @Test
    void fourGaussiansDensityAtACentre() {
        // at (0,0): ¼·(1/(2π·0.25))·(1 + 2e^{−8} + e^{−16})
        double c = 1 / (2 * Math.PI * 0.25);
        assertEquals(0.25 * c * (1 + 2 * Math.exp(-8) + Math.exp(-16)), FOUR.density(new double[] {0, 0}), EXACT);
    }

    @Test
    void samplesHaveTheMixtureMoments() {
        Rng rng = new Rng(1);
        double[][] x = FOUR.sample(200_000, rng);
        double[] col0 = new double[x.length];
        double[] col1 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            col0[i] = x[i][0];
            col1[i] = x[i][1];
        }
        // mean 1 per axis; variance 0.25 + 1 (within-component + between-means)
        assertEquals(1, Samples.mean(col0), MOMENT_TOL);
        assertEquals(1, Samples.mean(col1), MOMENT_TOL);
        assertEquals(Math.sqrt(1.25), Samples.std(col0, 0), MOMENT_TOL);
        assertEquals(Math.sqrt(1.25), Samples.std(col1, 0), MOMENT_TOL);
    }

    @Test
    void oneComponentSamplingIsTheGeneratorsGaussians() {
        Rng a = new Rng(9);
        Rng b = new Rng(9);
        double[] x = GaussianMixture.normal(3, 2).sample1D(5, a);
        for (double v : x) {
            assertEquals(3 + 2 * b.nextGaussian(), v, 0);
        }
        assertArrayEquals(GaussianMixture.normal(0, 1).sample1D(10, new Rng(4)),
                GaussianMixture.normal(0, 1).sample1D(10, new Rng(4)), 0);
    }

    @Test
    void mixtureIsImmutable() {
        double[] w = {0.5, 0.5};
        double[][] m = {{0}, {1}};
        GaussianMixture mix = new GaussianMixture(w, m, new double[] {1, 1});
        w[0] = 0.9;
        m[1][0] = 50;
        mix.means()[0][0] = 7;
        assertArrayEquals(new double[] {0.5, 0.5}, mix.weights(), 0);
        assertEquals(1, mix.means()[1][0]);
        assertEquals(0, mix.means()[0][0]);
    }

    @Test
    void badMixturesAreRejected() {
        assertMessage(() -> new GaussianMixture(new double[] {0.5, 0.6}, new double[][] {{0}, {1}}, new double[] {1, 1}),
                "weights", "sum", "1.1");
        assertMessage(() -> new GaussianMixture(new double[] {1}, new double[][] {{0}}, new double[] {0}), "stds[0]", "0.0");
        assertMessage(() -> new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{0}, {1, 2}}, new double[] {1, 1}),
                "means[1]", "length 1", "2");
        assertMessage(() -> new GaussianMixture(new double[] {1}, new double[][] {{Double.NaN}}, new double[] {1}),
                "means[0][0]", "NaN");
        assertMessage(() -> new GaussianMixture(new double[] {-1, 2}, new double[][] {{0}, {1}}, new double[] {1, 1}),
                "weights[0]", "-1.0");
        assertMessage(() -> new GaussianMixture(new double[] {1}, new double[][] {{0}, {1}}, new double[] {1}),
                "one entry per component", "1, 2, 1");
        assertMessage(() -> GaussianMixture.normal(0, 1).sample(0, new Rng(1)), "n", "0");
        assertMessage(() -> FOUR.sample1D(3, new Rng(1)), "dimension 1", "2");
        assertMessage(() -> FOUR.density(new double[] {1}), "x", "length 2", "1");
        assertMessage(() -> FOUR.lower(2), "axis", "2");
    }

    // ------------------------------------------------------------------ Kde

    @Test
    void kdeIsTheAverageOfKernelsWithScottsBandwidth() {
        double[] sample = {0, 1, 3};
        Kde kde = Kde.of(sample);
        double h = Samples.std(sample, 1) * Math.pow(3, -0.2);
        assertEquals(h, kde.bandwidth(0), EXACT);
        double x = 0.7;
        double expected = 0;
        for (double s : sample) {
            expected += GaussianMixture.normal(s, h).density(x) / 3;
        }
        assertEquals(expected, kde.density(x), EXACT);
        assertEquals(1, Quadrature.covering(kde).integrate1D(kde::density), QUADRATURE);
        // far from every point the sum underflows; the log-sum-exp fallback is exact
        double far = 60;
        double lExpected = -0.5 * Math.pow((far - 3) / h, 2) - Math.log(3 * h * Math.sqrt(2 * Math.PI))
                + Math.log1p(Math.exp(-0.5 * (Math.pow((far - 1) / h, 2) - Math.pow((far - 3) / h, 2))));
        assertEquals(lExpected, kde.logDensity(far), EXACT * 1e3 * Math.abs(lExpected));   // relative: exponents of order 10³
    }

    @Test
    void kde2DGridEqualsPointwiseAndIntegratesToOne() {
        double[][] sample = FOUR.sample(300, new Rng(2));
        Kde kde = Kde.of(sample);
        assertEquals(Samples.std(column(sample, 1), 1) * Math.pow(300, -1.0 / 6), kde.bandwidth(1), EXACT);
        double[][] axes = {{-1, 0, 0.5, 40}, {-2, 1, 2.2}};
        double[] grid = kde.logDensityGrid(axes);
        for (int i = 0; i < axes[0].length; i++) {
            for (int j = 0; j < axes[1].length; j++) {
                assertEquals(kde.logDensity(new double[] {axes[0][i], axes[1][j]}), grid[i * 3 + j], EXACT * 1e3);   // log densities down to ~ −10³
            }
        }
        assertEquals(1, Quadrature.covering(kde).integrate(kde::density), QUADRATURE);
    }

    @Test
    void badKdesAreRejected() {
        assertMessage(() -> Kde.of(new double[] {2, 2, 2}), "zero spread", "2.0", "bandwidth");
        assertMessage(() -> Kde.of(new double[] {2}), "at least 2", "1");
        assertMessage(() -> Kde.of(new double[] {1, 2}, -0.5), "bandwidth", "-0.5");
        assertMessage(() -> Kde.of(new double[] {1, Double.NaN}), "sample[1]", "NaN");
        assertMessage(() -> Kde.of(new double[][] {{1, 2}, {3}}), "sample[1]", "2 columns", "1");
        assertMessage(() -> Kde.of(new double[][] {{1, 2}, {3, 4}}, new double[] {1}), "bandwidths", "2", "1");
        assertEquals(1, Kde.of(new double[] {2}, 0.5).size());
    }

    // ------------------------------------------------------------------ Quadrature and Samples

    @Test
    void quadratureIsExactForPolynomialsAndSumsWeightsToTheBox() {
        Quadrature q = Quadrature.of(-1, 3, 5);
        assertEquals(5 * Quadrature.NODES_PER_PANEL, q.size());
        // ∫_{−1}^{3} x^15 dx = (3^16 − 1)/16, exact for 8 Gauss–Legendre nodes
        assertEquals((Math.pow(3, 16) - 1) / 16, q.integrate1D(x -> Math.pow(x, 15)), EXACT * Math.pow(3, 16));
        double sum = 0;
        for (double w : q.weights(0)) {
            sum += w;
        }
        assertEquals(4, sum, EXACT);
        Quadrature box = Quadrature.of(new double[] {0, 0}, new double[] {1, 2}, new int[] {2, 3});
        assertEquals(1.0 / 3 * 4, box.integrate(x -> x[0] * x[0] * 2 * x[1]), EXACT);
    }

    @Test
    void badQuadraturesAreRejected() {
        assertMessage(() -> Quadrature.of(1, 1, 3), "upper[0]", "[1.0, 1.0]");
        assertMessage(() -> Quadrature.of(0, 1, 0), "panels[0]", "0");
        assertMessage(() -> Quadrature.of(0, Double.NaN, 2), "upper[0]", "NaN");
        assertMessage(() -> Quadrature.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {5000, 5000}), "MAX_NODES");
        assertMessage(() -> Quadrature.covering(GaussianMixture.normal(0, 1e-9), GaussianMixture.normal(1, 1)),
                "panels", "MAX_NODES");
        assertMessage(() -> Quadrature.covering(FOUR, GaussianMixture.normal(0, 1)), "densities[1]", "1");
        assertMessage(() -> Quadrature.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {1, 1}).integrate1D(x -> x),
                "1-D", "2");
    }

    @Test
    void samplesStatisticsFollowNumpy() {
        double[] x = {4, 1, 3, 2};
        assertEquals(2.5, Samples.mean(x), 0);
        assertEquals(Math.sqrt(1.25), Samples.std(x, 0), EXACT);      // np.std(x)
        assertEquals(Math.sqrt(5.0 / 3), Samples.std(x, 1), EXACT);   // np.std(x, ddof=1)
        assertEquals(1.075, Samples.quantile(x, 0.025), EXACT);       // np.quantile(x, 0.025)
        assertEquals(3.925, Samples.quantile(x, 0.975), EXACT);
        assertEquals(1, Samples.quantile(x, 0), 0);
        assertEquals(4, Samples.quantile(x, 1), 0);
        assertArrayEquals(new double[] {4, 1, 3, 2}, x, 0);                  // not modified
        assertMessage(() -> Samples.quantile(x, 1.5), "prob", "1.5");
        assertMessage(() -> Samples.std(new double[] {1}, 1), "ddof", "1");
        assertMessage(() -> Samples.mean(new double[0]), "x", "empty");
    }

    private static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }
}
