package gan.stats;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.*;

import gan.Rng;
import gan.data.Datasets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ModeCoverage#collapsed()}: the one definition, "some mode holds less than half its fair share of the near samples". */
class ModeCollapseTest {

    @Test
    void theTrueMixtureIsNotCollapsedAndLosingOneModeIs() {
        double[][] means = Datasets.RING.means();
        double[][] x = Datasets.ring(20_000, new Rng(2));
        ModeCoverage all = ModeCoverage.of(x, means, 0.25);
        assertFalse(all.collapsed());
        assertEquals(8, all.modesCovered());
        assertEquals(1, Arrays.stream(all.sharesOfNear()).sum(), EXACT);

        // the same points without those of mode 0: seven modes, so collapsed (though only partly)
        double[][] seven = Arrays.stream(x).filter(p -> Math.hypot(p[0] - 2, p[1]) > 0.5).toArray(double[][]::new);
        ModeCoverage partial = ModeCoverage.of(seven, means, 0.25);
        assertTrue(partial.collapsed());
        assertEquals(7, partial.modesCovered());
    }

    @Test
    void aBlurredGeneratorCoversEveryModeButACollapsedOneDoesNot() {
        double[][] means = Datasets.RING.means();
        // blurred: 90% of the points far from every mode, the other 10% spread evenly over the modes
        double[][] blurred = new double[800][];
        for (int i = 0; i < blurred.length; i++) {
            blurred[i] = i % 10 == 0 ? means[(i / 10) % 8].clone() : new double[] {0, 0};
        }
        ModeCoverage b = ModeCoverage.of(blurred, means, 0.25);
        assertEquals(0.1, b.total(), EXACT);
        assertEquals(8, b.modesCovered());
        assertFalse(b.collapsed());
        // collapsed onto one point at mode 2
        double[][] one = new double[50][];
        for (int i = 0; i < one.length; i++) one[i] = new double[] {0, 2};
        ModeCoverage c = ModeCoverage.of(one, means, 0.25);
        assertTrue(c.collapsed());
        assertEquals(1, c.modesCovered());
        assertEquals(1.0, c.sharesOfNear()[2], 0.0);
    }

    @Test
    void theThresholdIsHalfTheFairShare() {
        double[][] means = Datasets.FOUR_GAUSSIANS.means();
        // near shares 12.5%, 12.5%, 37.5%, 37.5%: the first two sit exactly at ½ · ¼, so covered
        double[][] x = new double[8][];
        int[] mode = {0, 1, 2, 2, 2, 3, 3, 3};
        for (int i = 0; i < 8; i++) x[i] = means[mode[i]].clone();
        assertEquals(4, ModeCoverage.of(x, means, 0.75).modesCovered());
        // one point less on mode 0 would leave it 0 of 7 shares: 3 covered
        ModeCoverage missing = ModeCoverage.of(Arrays.copyOfRange(x, 1, 8), means, 0.75);
        assertEquals(3, missing.modesCovered());
        assertTrue(missing.collapsed());
        // no point near any mode: nothing covered
        assertEquals(0, ModeCoverage.of(new double[][] {{10, 10}}, means, 0.75).modesCovered());
    }
}
