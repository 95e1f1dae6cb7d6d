package gan.stats;

import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import org.junit.jupiter.api.Test;

/** {@link ModeCoverage#collapsed(double)}: the one definition, "some mode gets less than {@code share}". */
class ModeCollapseTest {
    @Test
    void theTrueMixtureIsNotCollapsedAndLosingOneModeIs() {
        double[][] means = Datasets.RING.means();
        double[][] x = Datasets.ring(20_000, new Rng(2));
        ModeCoverage all = ModeCoverage.of(x, means, 0.1);
        assertFalse(all.collapsed(0.0625));                            // each mode ~12.5%, half of that required
        assertEquals(8, all.modesCovered(0.0625));

        // the same points without those of mode 0: seven modes, so collapsed (though only partly)
        double[][] seven = java.util.Arrays.stream(x).filter(p -> Math.hypot(p[0] - 2, p[1]) > 0.5).toArray(double[][]::new);
        ModeCoverage partial = ModeCoverage.of(seven, means, 0.1);
        assertTrue(partial.collapsed(0.0625));
        assertEquals(7, partial.modesCovered(0.0625));
    }

    @Test
    void allOnOnePointIsCollapsedOntoOneMode() {
        double[][] x = new double[50][];
        for (int i = 0; i < x.length; i++) x[i] = new double[] {0, 2};
        ModeCoverage c = ModeCoverage.of(x, Datasets.RING.means(), 0.1);
        assertTrue(c.collapsed(0.0625));
        assertEquals(1, c.modesCovered(0.0625));
    }

    @Test
    void aShareOutsideZeroOneIsNamed() {
        ModeCoverage c = ModeCoverage.of(new double[][] {{0, 0}}, Datasets.FOUR_GAUSSIANS.means(), 0.75);
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.collapsed(bad));
            assertTrue(e.getMessage().contains("share") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }
}
