package gan.stats;

import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {
    /** Sampling error of a share near 0.17 from 200,000 samples is below 0.001; five of those. */
    static final double SHARE_TOL = 0.005;

    @Test
    void theTrueMixtureGivesTheClosedFormShare() {
        double[][] x = Datasets.fourGaussians(200_000, new Rng(1));
        ModeCoverage c = ModeCoverage.of(x, Datasets.FOUR_GAUSSIANS.means(), 0.75);
        double perMode = 0.25 * (1 - Math.exp(-1.5 * 1.5 / 2));            // P(|N(0, I)| ≤ 1.5) = 1 − e^(−1.125), times ¼
        for (double f : c.fractions()) assertEquals(perMode, f, SHARE_TOL);
        // neighbours' tails reach into each disk (about 0.2% per mode), so the total is a little above 4 × perMode
        assertTrue(c.total() >= 4 * perMode - SHARE_TOL && c.total() <= 4 * perMode + 2 * SHARE_TOL, "total " + c.total());
        assertEquals(4, c.modesCovered(0.13));
    }

    @Test
    void aCollapsedSampleCoversOneMode() {
        double[][] x = new double[100][];
        for (int i = 0; i < x.length; i++) x[i] = new double[] {2 + 0.001 * i, 2};
        ModeCoverage c = ModeCoverage.of(x, Datasets.FOUR_GAUSSIANS.means(), 0.75);
        assertArrayEquals(new double[] {0, 0, 0, 1}, c.fractions(), 0.0);
        assertEquals(1, c.modesCovered(0.13));
        assertEquals(0.0, c.min());
        assertTrue(c.describe().contains("(2, 2) 100.0%"), c.describe());
    }

    @Test
    void badInputIsNamed() {
        double[][] means = Datasets.FOUR_GAUSSIANS.means();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(new double[0][], means, 1));
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(new double[][] {{1, 2, 3}}, means, 1));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("3 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModeCoverage.of(new double[][] {{1, 2}}, means, -1));
        assertTrue(e.getMessage().contains("radius"), e.getMessage());
    }
}
