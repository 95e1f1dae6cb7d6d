package gan.stats;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static gan.Tolerances.QUADRATURE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DivergencesTest {
    /** The lecture adds 1e-8 to every bin and divides by Σ + 1e-8: KL moves by about (bins + 1) · 1e-8. */
    static final double LECTURE_EPSILON = 1e-7;
    static final double LOG2 = Math.log(2);

    static final GaussianMixture N01 = GaussianMixture.normal(0, 1);
    static final GaussianMixture N12 = GaussianMixture.normal(1, 2);







    @Test
    void bitsDivideByLog2() {
        assertEquals(1, Divergences.bits(LOG2), EXACT);
        assertEquals(1, Divergences.jsdHistogram(new double[] {0, 0}, new double[] {1, 1}, 2).inBits(), EXACT);
    }

    // ------------------------------------------------------------------ histogram estimators

    @Test
    void histogramsAreNormalisedOverBothRanges() {
        double[] p = {0, 1, 2, 3};
        double[] q = {2, 3, 4, 5, 6, 7, 8, 9};     // mostly beyond p's range: nothing may be dropped
        BinnedDivergence r = Divergences.klHistogram(p, q, 9);
        assertEquals(0, r.edges()[0][0]);
        assertEquals(9, r.edges()[0][9]);
        assertEquals(1, Arrays.stream(r.p()).sum(), EXACT);
        assertEquals(1, Arrays.stream(r.q()).sum(), EXACT);
        // bins [0,1), [1,2), … [8,9]: p puts ¼ in each of the first four, q ⅛ in bins 2…7 and ¼ in the closed last
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0, 0}, r.p(), EXACT);
        assertArrayEquals(new double[] {0, 0, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.25}, r.q(), EXACT);
    }

    @Test
    void klHistogramByHandWithBothRules() {
        double[] p = {0, 1, 2, 3};
        double[] q = {2, 3, 4, 5, 6, 7, 8, 9};
        // two of p's bins are empty in q: exact binned KL is +∞
        assertEquals(Double.POSITIVE_INFINITY, Divergences.klHistogram(p, q, 9, EmptyBins.INFINITY).value());
        // smoothing ε: Σ (P+ε) log((P+ε)/(Q+ε)) / (1 + 9ε)
        double eps = 1e-3;
        double expected = (2 * (0.25 + eps) * Math.log((0.25 + eps) / eps)
                + 2 * (0.25 + eps) * Math.log((0.25 + eps) / (0.125 + eps))
                + 4 * eps * Math.log(eps / (0.125 + eps))
                + eps * Math.log(eps / (0.25 + eps))) / (1 + 9 * eps);
        BinnedDivergence r = Divergences.klHistogram(p, q, 9, EmptyBins.smoothing(eps));
        assertEquals(expected, r.value(), EXACT);
        assertEquals(EmptyBins.smoothing(eps), r.rule());
        // without empty Q bins the two rules agree to O(Bε)
        double[] q2 = {0, 1, 2, 3, 3};
        double exact = Divergences.klHistogram(p, q2, 4, EmptyBins.INFINITY).value();
        assertEquals(0.25 * Math.log(0.25 / 0.2) * 3 + 0.25 * Math.log(0.25 / 0.4), exact, EXACT);
        assertEquals(exact, Divergences.klHistogram(p, q2, 4).value(), 100 * 4 * EmptyBins.DEFAULT_EPSILON);
    }

    @Test
    void jsdHistogramByHand() {
        double[] p = {0, 1, 2, 3};
        double[] q = {2, 3, 4, 5, 6, 7, 8, 9};
        // bins 0,1: P = ¼, Q = 0 → ½·¼·log 2 each; bins 2,3: P = ¼, Q = ⅛, M = 3/16; bins 4…7: Q = ⅛ alone; bin 8: Q = ¼ alone
        double expected = 2 * 0.5 * 0.25 * LOG2
                + 2 * (0.5 * 0.25 * Math.log(0.25 / 0.1875) + 0.5 * 0.125 * Math.log(0.125 / 0.1875))
                + 4 * 0.5 * 0.125 * LOG2 + 0.5 * 0.25 * LOG2;
        assertEquals(expected, Divergences.jsdHistogram(p, q, 9).value(), EXACT);
        assertEquals(Divergences.jsdHistogram(q, p, 9).value(), Divergences.jsdHistogram(p, q, 9).value(), EXACT);
        assertEquals(LOG2, Divergences.jsdHistogram(new double[] {0, 0.1}, new double[] {5, 6}, 10).value(), EXACT);
        assertEquals(0, Divergences.jsdHistogram(p, p, 7).value(), EXACT);
    }

    @Test
    void equalSamplesGiveZeroAndAllEqualValuesUseNumpysUnitRange() {
        double[] p = {3, 3, 3};
        BinnedDivergence r = Divergences.klHistogram(p, p, 4);
        assertEquals(0, r.value(), EXACT);
        assertArrayEquals(new double[] {2.5, 2.75, 3.0, 3.25, 3.5}, r.edges()[0], EXACT);
        assertArrayEquals(new double[] {0, 0, 1, 0}, r.p(), EXACT);
    }

    @Test
    void histogramEstimatorsNeverReturnNaN() {
        Rng rng = new Rng(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(30);
            double[] p = N01.sample1D(n, rng);
            double[] q = GaussianMixture.normal(rng.uniform(-5, 5), rng.uniform(0.01, 3)).sample1D(1 + rng.nextInt(30), rng);
            int bins = 1 + rng.nextInt(60);
            for (EmptyBins rule : new EmptyBins[] {EmptyBins.DEFAULT, EmptyBins.INFINITY, EmptyBins.smoothing(1e-12)}) {
                double kl = Divergences.klHistogram(p, q, bins, rule).value();
                assertFalse(Double.isNaN(kl), "trial " + trial);
                assertTrue(kl >= -EXACT, "KL = " + kl);
                if (rule.smooths()) {
                    assertTrue(Double.isFinite(kl), "smoothing must give a finite KL, got " + kl);
                }
            }
            double jsd = Divergences.jsdHistogram(p, q, bins).value();
            assertTrue(jsd >= -EXACT && jsd <= LOG2 + EXACT, "JSD = " + jsd);
        }
    }

    @Test
    void histogram2DByHand() {
        double[][] p = {{0, 0}, {1, 1}};
        double[][] q = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        BinnedDivergence r = Divergences.klHistogram(p, q, 2, EmptyBins.INFINITY);
        assertEquals(2, r.dimension());
        assertEquals(2, r.bins(0));
        // cells (x-bin, y-bin): P = ½ at (0,0) and (1,1); Q = ¼ everywhere → KL = log 2
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, r.p(), EXACT);
        assertArrayEquals(new double[][] {{0.5, 0}, {0, 0.5}}, r.p2d());
        assertEquals(LOG2, r.value(), EXACT);
        // Q ‖ P has empty P-cells where Q has mass: +∞ without smoothing
        assertEquals(Double.POSITIVE_INFINITY, Divergences.klHistogram(q, p, 2, EmptyBins.INFINITY).value());
        double jsd = Divergences.jsdHistogram(p, q, 2).value();
        double expected = 0.5 * (0.5 * Math.log(0.5 / 0.375)) * 2 + 0.5 * (0.25 * Math.log(0.25 / 0.375) * 2 + 0.25 * LOG2 * 2);
        assertEquals(expected, jsd, EXACT);
    }


    // ------------------------------------------------------------------ the lecture's function





    // ------------------------------------------------------------------ estimators converge

    @Test
    void histogramEstimatorsConvergeToTheDensityValues() {
        double klTrue = DensityDivergences.klNormal(0, 1, 1, 2);
        double jsdTrue = DensityDivergences.jsd(N01, N12);
        int[] sizes = {1_000, 10_000, 100_000};
        double[] klErr = new double[sizes.length];
        double[] jsdErr = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            int bins = (int) Math.round(2 * Math.cbrt(n));     // bins grow with n, so binning bias vanishes too
            for (int seed = 0; seed < 5; seed++) {
                Rng rng = new Rng(100 + seed);
                double[] p = N01.sample1D(n, rng);
                double[] q = N12.sample1D(n, rng);
                klErr[s] += Math.abs(Divergences.klHistogram(p, q, bins).value() - klTrue) / 5;
                jsdErr[s] += Math.abs(Divergences.jsdHistogram(p, q, bins).value() - jsdTrue) / 5;
            }
        }
        for (int s = 1; s < sizes.length; s++) {
            assertTrue(klErr[s] < klErr[s - 1], "KL errors " + Arrays.toString(klErr));
            assertTrue(jsdErr[s] < jsdErr[s - 1], "JSD errors " + Arrays.toString(jsdErr));
        }
        assertTrue(klErr[2] < 0.01 && jsdErr[2] < 0.003, "KL errors " + Arrays.toString(klErr) + ", JSD errors "
                + Arrays.toString(jsdErr));
    }



    // ------------------------------------------------------------------ bad input

    @Test
    void badInputIsRejectedWithTheArgumentAndValue() {
        double[] ok = {1, 2, 3};
        assertMessage(() -> Divergences.klHistogram(ok, ok, 0), "bins", "0");
        assertMessage(() -> Divergences.jsdHistogram(ok, ok, -3), "bins", "-3");
        assertMessage(() -> Divergences.klHistogram(new double[0], ok, 10), "p", "empty");
        assertMessage(() -> Divergences.klHistogram(ok, new double[] {1, Double.NaN}, 10), "q[1]", "NaN");
        assertMessage(() -> Divergences.jsdHistogram(ok, new double[] {Double.POSITIVE_INFINITY}, 10), "q[0]", "Infinity");
        assertMessage(() -> Divergences.klHistogram(ok, ok, 10, null), "rule");
        assertMessage(() -> Divergences.klHistogram(new double[][] {{1, 2}, {3}}, new double[][] {{1, 2}}, 5), "p[1]",
                "2 columns", "1 columns");
        assertMessage(() -> Divergences.klHistogram(new double[][] {{1, 2}}, new double[][] {{1, Double.NaN}}, 5),
                "q[0][1]", "NaN");
        assertMessage(() -> Divergences.jsdHistogram(new double[][] {{1, 2}}, new double[][] {{1, 2}}, 0),
                "binsPerAxis", "0");
        assertMessage(() -> Divergences.klHistogram(new double[][] {{1, 2}}, new double[][] {{1, 2}}, 5000),
                "binsPerAxis", "5000");
        assertMessage(() -> EmptyBins.smoothing(0), "epsilon", "0.0");
        assertMessage(() -> new EmptyBins(Double.NaN), "epsilon", "NaN");
    }


    static double[] scale(double[] a, double f) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i] * f;
        }
        return b;
    }
}
