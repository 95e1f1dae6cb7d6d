package gan.stats;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static gan.Tolerances.QUADRATURE;
import static gan.stats.DivergencesTest.LECTURE_EPSILON;
import static gan.stats.DivergencesTest.LOG2;
import static gan.stats.DivergencesTest.N01;
import static gan.stats.DivergencesTest.N12;
import static gan.stats.DivergencesTest.scale;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DensityDivergencesTest {
    @Test
    void klOfNormalsMatchesClosedForm1D() {
        // KL(N(0,1) ‖ N(1,2²)) = log 2 + 2/8 − 1/2
        assertEquals(Math.log(2) + 0.25 - 0.5, DensityDivergences.klNormal(0, 1, 1, 2), EXACT);
        double[][] pairs = {{0, 1, 1, 2}, {1, 2, 0, 1}, {0, 1, 0, 1}, {-3, 0.5, 2, 1.5}, {0, 1, 20, 1}, {0.3, 0.05, 1, 2}};
        for (double[] c : pairs) {
            double numeric = DensityDivergences.kl(GaussianMixture.normal(c[0], c[1]), GaussianMixture.normal(c[2], c[3]));
            assertEquals(DensityDivergences.klNormal(c[0], c[1], c[2], c[3]), numeric, QUADRATURE, Arrays.toString(c));
        }
    }

    @Test
    void klOfFarApartNormalsStaysExactInLogSpace() {
        // 60 σ apart: p(x)·log(p/q) would be 0·log(0/0) in linear space; the closed form is 1800
        double numeric = DensityDivergences.kl(GaussianMixture.normal(0, 1), GaussianMixture.normal(60, 1));
        assertEquals(1800, numeric, 1800 * QUADRATURE);
    }

    @Test
    void klOfNormalsMatchesClosedForm2D() {
        double[] m1 = {0, 0};
        double[] m2 = {1, 0.5};
        double numeric = DensityDivergences.kl(GaussianMixture.normal(m1, 1), GaussianMixture.normal(m2, 1.5));
        assertEquals(DensityDivergences.klNormal(m1, 1, m2, 1.5), numeric, QUADRATURE);
        assertEquals(2 * DensityDivergences.klNormal(0, 1, 0, 1.5) + (1 + 0.25) / (2 * 1.5 * 1.5),
                DensityDivergences.klNormal(m1, 1, m2, 1.5), EXACT);
    }

    @Test
    void klOfMixtureAgainstItsOwnComponentsIsPositiveAndFinite() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{-1}, {1}},
                new double[] {0.5, 0.5});
        double kl = DensityDivergences.kl(mix, N01);
        assertTrue(kl > 0 && Double.isFinite(kl), "KL = " + kl);
        assertEquals(0, DensityDivergences.kl(mix, mix), EXACT);
    }

    @Test
    void jsdIsSymmetricZeroForEqualAndBelowLog2() {
        GaussianMixture mix = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-2}, {1.5}},
                new double[] {0.5, 0.8});
        assertEquals(DensityDivergences.jsd(N01, N12), DensityDivergences.jsd(N12, N01), EXACT);
        assertEquals(DensityDivergences.jsd(N01, mix), DensityDivergences.jsd(mix, N01), EXACT);
        assertEquals(0, DensityDivergences.jsd(N01, N01), EXACT);
        assertEquals(0, DensityDivergences.jsd(mix, mix), EXACT);
        double previous = 0;
        for (double shift : new double[] {0.5, 1, 2, 4, 8, 16, 40}) {
            double jsd = DensityDivergences.jsd(N01, GaussianMixture.normal(shift, 1));
            assertTrue(jsd > previous && jsd <= LOG2 + QUADRATURE, "shift " + shift + ": JSD = " + jsd);
            previous = jsd;
        }
        // 40 σ apart: the overlap is ~e^{−200}, so JSD = log 2 to rounding
        assertEquals(LOG2, previous, QUADRATURE);
    }

    @Test
    void jsdOf2DMixtures() {
        GaussianMixture four = GaussianMixture.equalWeights(new double[][] {{0, 0}, {0, 2}, {2, 0}, {2, 2}}, 0.5);
        GaussianMixture shifted = GaussianMixture.equalWeights(new double[][] {{100, 0}, {100, 2}, {102, 0}, {102, 2}}, 0.5);
        assertEquals(0, DensityDivergences.jsd(four, four), EXACT);
        assertEquals(LOG2, DensityDivergences.jsd(four, shifted), QUADRATURE);
        GaussianMixture normal = GaussianMixture.normal(new double[] {1, 1}, 1.2);
        double a = DensityDivergences.jsd(four, normal);
        assertEquals(a, DensityDivergences.jsd(normal, four), EXACT);
        assertTrue(a > 0 && a < LOG2, "JSD = " + a);
    }

    @Test
    void kdeEstimatorsConvergeToTheDensityValues() {
        double klTrue = DensityDivergences.klNormal(0, 1, 1, 2);
        double jsdTrue = DensityDivergences.jsd(N01, N12);
        int[] sizes = {100, 1_000, 10_000};
        int seeds = 4;
        double[] klErr = new double[sizes.length];
        double[] jsdErr = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            for (int seed = 0; seed < seeds; seed++) {
                Rng rng = new Rng(200 + seed);
                Kde p = Kde.of(N01.sample1D(sizes[s], rng));
                Kde q = Kde.of(N12.sample1D(sizes[s], rng));
                klErr[s] += Math.abs(DensityDivergences.kl(p, q) - klTrue) / seeds;
                jsdErr[s] += Math.abs(DensityDivergences.jsd(p, q) - jsdTrue) / seeds;
            }
        }
        // measured: KL 0.079, 0.030, 0.0051; JSD 0.023, 0.0076, 0.0017
        for (int s = 1; s < sizes.length; s++) {
            assertTrue(klErr[s] < klErr[s - 1] / 2, "KL errors " + Arrays.toString(klErr));
            assertTrue(jsdErr[s] < jsdErr[s - 1] / 2, "JSD errors " + Arrays.toString(jsdErr));
        }
    }

    @Test
    void kdeDivergences2DAreStableUnderAFinerGrid() {
        Rng rng = new Rng(5);
        GaussianMixture four = GaussianMixture.equalWeights(new double[][] {{0, 0}, {0, 2}, {2, 0}, {2, 2}}, 0.5);
        Kde p = Kde.of(four.sample(400, rng));
        Kde q = Kde.of(four.sample(400, rng));
        Quadrature grid = Quadrature.covering(p, q);
        int[] panels = grid.panels();
        Quadrature finer = Quadrature.of(grid.lower(), grid.upper(), new int[] {2 * panels[0], 2 * panels[1]});
        double kl = DensityDivergences.kl(p, q, grid);
        assertEquals(kl, DensityDivergences.kl(p, q, finer), QUADRATURE);
        assertEquals(DensityDivergences.jsd(p, q, grid), DensityDivergences.jsd(p, q, finer), QUADRATURE);
        assertTrue(kl > 0 && kl < 0.2, "KL of two KDEs of the same mixture = " + kl);
    }

    @Test
    void badInputIsRejectedWithTheArgumentAndValue() {
        assertMessage(() -> DensityDivergences.kl(N01, GaussianMixture.normal(new double[] {0, 0}, 1)), "dimension", "1", "2");
        assertMessage(() -> DensityDivergences.jsd(N01, N01, Quadrature.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {1, 1})),
                "grid", "2");
        assertMessage(() -> DensityDivergences.klNormal(0, -1, 0, 1), "std1", "-1.0");
        assertMessage(() -> DensityDivergences.klNormal(new double[] {0}, 1, new double[] {0, 0}, 1), "mean1", "1", "2");
    }
}
