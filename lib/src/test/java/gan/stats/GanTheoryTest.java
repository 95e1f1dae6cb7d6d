package gan.stats;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static gan.Tolerances.QUADRATURE;
import static gan.Tolerances.printed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GanTheoryTest {
    /** The largest gap of D* from ½ estimated with KDEs of 20,000 samples each, at the ends of its range. */
    static final double KDE_GAP_TOL = 0.03;
    /** Mean |error| of V from 10⁶ samples of each density: terms of standard deviation ~1 give ~1/√n = 0.001. */
    static final double MILLION_SAMPLES_ERROR = 2e-3;
    static final double LOG4 = Math.log(4);

    private static final GaussianMixture N01 = GaussianMixture.normal(0, 1);
    private static final GaussianMixture N11 = GaussianMixture.normal(1, 1);
    private static final GaussianMixture N12 = GaussianMixture.normal(1, 2);
    private static final GaussianMixture MIX = new GaussianMixture(new double[] {0.3, 0.7},
            new double[][] {{-2}, {1.5}}, new double[] {0.5, 0.8});
    private static final GaussianMixture FOUR = GaussianMixture.equalWeights(
            new double[][] {{0, 0}, {0, 2}, {2, 0}, {2, 2}}, 0.5);
    private static final GaussianMixture NORMAL_2D = GaussianMixture.normal(new double[] {1, 1}, 1.2);

    @Test
    void identityHoldsForEveryPair() {
        Density[][] pairs = {
            {N01, N01},                                  // equal normals: −log 4
            {N01, N11},                                  // shifted
            {N01, N12},                                  // shifted and wider
            {N01, MIX},                                  // normal against a mixture
            {MIX, N01},
            {N01, GaussianMixture.normal(40, 1)},        // no overlap: JSD = log 2, V = 0
            {FOUR, FOUR},                                // 2-D
            {FOUR, NORMAL_2D},
        };
        for (Density[] pair : pairs) {
            double residual = GanTheory.identityResidual(pair[0], pair[1]);
            assertEquals(0, residual, QUADRATURE, pair[0] + " vs " + pair[1]);
        }
    }

    @Test
    void optimumValueIsMinusLog4ForEqualDensitiesAndZeroWithoutOverlap() {
        assertEquals(-LOG4, GanTheory.valueAtOptimum(N01, N01), EXACT);
        assertEquals(-1.3863, GanTheory.valueAtOptimum(N01, N01), printed(4));       // the lecture's number
        assertEquals(-LOG4, GanTheory.valueAtOptimum(FOUR, FOUR), EXACT);
        assertEquals(0, GanTheory.valueAtOptimum(N01, GaussianMixture.normal(40, 1)), EXACT);
        double v = GanTheory.valueAtOptimum(N01, N12);
        assertTrue(v > -LOG4 && v < 0, "V(D*, G) = " + v);
    }

    @Test
    void optimalDiscriminatorMatchesItsClosedFormForShiftedNormals() {
        // N(0,1) vs N(1,1): log p_g − log p_data = x − ½, so D*(x) = 1 / (1 + e^{x − ½})
        for (double x : new double[] {-30, -3, -0.5, 0, 0.5, 1, 2.5, 30}) {
            assertEquals(1 / (1 + Math.exp(x - 0.5)), GanTheory.optimalD(N01, N11, x), EXACT, "x = " + x);
            assertEquals(0.5, GanTheory.optimalD(N01, N01, x), EXACT);
        }
        assertEquals(0.5, GanTheory.optimalD(N01, N11, 0.5), EXACT);
        // far tails are exact 0 and 1, never NaN
        assertEquals(0, GanTheory.optimalD(N01, N11, 2000), 0);
        assertEquals(1, GanTheory.optimalD(N01, N11, -2000), 0);
        assertEquals(0.5, GanTheory.optimalD(FOUR, FOUR, new double[] {1, 1}), EXACT);
    }

    @Test
    void valueWithTheOptimalFunctionAgreesWithTheLogSpaceRoute() {
        assertEquals(GanTheory.valueAtOptimum(N01, N11),
                value1D(GanTheory.optimalD1D(N01, N11), N01, N11), QUADRATURE);
        assertEquals(GanTheory.valueAtOptimum(N01, N12),
                value1D(GanTheory.optimalD1D(N01, N12), N01, N12), QUADRATURE);
        // where D* rounds to exactly 1 while p_g > 0 (N(0,1) against a narrow mixture, x ≈ −10), a D given as
        // a number cannot carry log(1 − D*); the log-space route stays finite
        assertEquals(Double.NEGATIVE_INFINITY, value1D(GanTheory.optimalD1D(N01, MIX), N01, MIX));
        assertTrue(Double.isFinite(GanTheory.valueAtOptimum(N01, MIX)));
        assertEquals(GanTheory.valueAtOptimum(FOUR, NORMAL_2D),
                GanTheory.value(GanTheory.optimalD(FOUR, NORMAL_2D), FOUR, NORMAL_2D), QUADRATURE);
    }

    @Test
    void constantHalfGivesMinusLog4AndTheOptimumBeatsEveryPerturbation() {
        assertEquals(-LOG4, value1D(x -> 0.5, N01, N12), QUADRATURE);
        assertEquals(-LOG4, GanTheory.value(x -> 0.5, FOUR, NORMAL_2D), QUADRATURE);
        DoubleUnaryOperator dStar = GanTheory.optimalD1D(N01, N12);
        double best = GanTheory.valueAtOptimum(N01, N12);
        for (double t : new double[] {-1, -0.2, -0.01, 0.01, 0.2, 1}) {
            // D_t = σ(logit D* + t): a small move of D* in every direction lowers V
            DoubleUnaryOperator dt = x -> {
                double s = dStar.applyAsDouble(x);
                return 1 / (1 + (1 - s) / s * Math.exp(-t));
            };
            double v = value1D(dt, N01, N12);
            assertTrue(v < best, "t = " + t + ": V(D_t) = " + v + " ≥ V(D*) = " + best);
        }
    }

    @Test
    void valueIsMinusInfinityForACertainAndWrongDiscriminator() {
        assertEquals(Double.NEGATIVE_INFINITY, value1D(x -> 0.0, N01, N12));
        assertEquals(Double.NEGATIVE_INFINITY, value1D(x -> 1.0, N01, N12));
    }

    @Test
    void sampleValueConvergesToTheIntegral() {
        DoubleUnaryOperator dStar = GanTheory.optimalD1D(N01, N11);
        double exact = GanTheory.valueAtOptimum(N01, N11);
        int[] sizes = {100, 10_000, 1_000_000};
        double[] err = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            for (int seed = 0; seed < 5; seed++) {
                Rng rng = new Rng(300 + seed);
                double v = GanTheory.valueFromSamples(dStar, N01.sample1D(sizes[s], rng), N11.sample1D(sizes[s], rng));
                err[s] += Math.abs(v - exact) / 5;
            }
        }
        assertTrue(err[1] < err[0] && err[2] < err[1] && err[2] < MILLION_SAMPLES_ERROR, Arrays.toString(err));
    }

    @Test
    void gapOfTheTrueOptimumShrinksAsSamplesGrow() {
        DoubleUnaryOperator dStar = x -> 1 / (1 + Math.exp(x - 0.5));      // D* of N(0,1) vs N(1,1)
        int[] sizes = {500, 5_000, 50_000};
        double[] mean = new double[sizes.length];
        double[] max = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            for (int seed = 0; seed < 3; seed++) {
                Rng rng = new Rng(400 + seed);
                DiscriminatorGap gap = GanTheory.discriminatorGap(dStar, N01.sample1D(sizes[s], rng),
                        N11.sample1D(sizes[s], rng));
                mean[s] += gap.mean() / 3;
                max[s] += gap.max() / 3;
            }
        }
        for (int s = 1; s < sizes.length; s++) {
            assertTrue(mean[s] < mean[s - 1], "mean gaps " + Arrays.toString(mean));
            assertTrue(max[s] < max[s - 1], "max gaps " + Arrays.toString(max));
        }
        assertTrue(max[2] < 0.05 && mean[2] < 0.02, "max " + Arrays.toString(max) + ", mean " + Arrays.toString(mean));
    }

    @Test
    void gapOfAConstantHalfIsTheDistanceOfDStarFromHalf() {
        Rng rng = new Rng(41);
        double[] real = N01.sample1D(20_000, rng);
        DiscriminatorGap gap = GanTheory.discriminatorGap(x -> 0.5, real, N11.sample1D(20_000, rng));
        assertEquals(GanTheory.GAP_POINTS, gap.x().length);
        assertEquals(Samples.quantile(real, 0.025), gap.x()[0], EXACT);
        assertEquals(Samples.quantile(real, 0.975), gap.x()[gap.x().length - 1], EXACT);
        // exact: |1/(1 + e^{x−½}) − ½| is largest at the ends of [−1.96, 1.96], 0.805 − 0.5 at x = −1.96
        assertEquals(1 / (1 + Math.exp(-1.96 - 0.5)) - 0.5, gap.max(), KDE_GAP_TOL);
        assertEquals(gap.x()[0], gap.argMax(), EXACT);
        assertTrue(gap.mean() > 0.15, "mean gap " + gap.mean());
        // with the true densities instead of KDEs, D* is exact and so is the gap of D*
        DiscriminatorGap exact = GanTheory.discriminatorGap(GanTheory.optimalD1D(N01, N11), N01, N11, -2, 2, 101);
        assertEquals(0, exact.max(), EXACT);
    }

    @Test
    void badInputIsRejectedWithTheArgumentAndValue() {
        assertMessage(() -> value1D(x -> 1.5, N01, N11), "d(x)", "1.5");
        assertMessage(() -> value1D(x -> Double.NaN, N01, N11), "d(x)", "NaN");
        assertMessage(() -> GanTheory.valueFromSamples(x -> -0.1, new double[] {0}, new double[] {1}), "d(x)", "-0.1");
        assertMessage(() -> GanTheory.valueFromSamples(x -> 0.5, new double[0], new double[] {1}), "real", "empty");
        assertMessage(() -> GanTheory.valueAtOptimum(N01, FOUR), "dimension", "1", "2");
        assertMessage(() -> GanTheory.optimalD(N01, N11, new double[] {0, 1}), "x", "length 1", "2");
        assertMessage(() -> GanTheory.optimalD(N01, N11, Double.NaN), "x[0]", "NaN");
        assertMessage(() -> GanTheory.discriminatorGap(x -> 0.5, N01, N11, 1, 1, 10), "hi", "lo = 1.0");
        assertMessage(() -> GanTheory.discriminatorGap(x -> 0.5, N01, N11, 0, 1, 1), "points", "1");
        assertMessage(() -> GanTheory.discriminatorGap(x -> 0.5, new double[] {2, 2, 2}, new double[] {0, 1}),
                "zero spread", "2.0");
        assertMessage(() -> GanTheory.optimalD1D(FOUR, NORMAL_2D), "pData", "dimension 1", "2");
    }

    /** V(D, G) of a 1-D discriminator: {@link GanTheory#value} with x ↦ D(x[0]). */
    private static double value1D(DoubleUnaryOperator d, Density pData, Density pG) {
        return GanTheory.value(x -> d.applyAsDouble(x[0]), pData, pG);
    }
}
