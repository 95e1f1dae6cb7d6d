package gan.finance;

import static gan.Asserts.assertMessage;
import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DrawdownTest {

    @Test
    void maximumDrawdownIsTheDeepestFallFromARunningPeak() {
        // peaks 100 → 120 → 130; falls 120 → 90 (25%) and 130 → 104 (20%)
        assertEquals(0.25, Drawdown.max(new double[] {100, 120, 90, 130, 104}), EXACT);
        assertEquals(0, Drawdown.max(new double[] {100, 101, 150}), 0);          // never falls
        assertEquals(0.4, Drawdown.max(new double[] {100, 80, 60, 70}), EXACT);  // the start is a peak
        assertEquals(0, Drawdown.max(new double[] {5}), 0);
    }

    @Test
    void probabilityIsTheShareOfPathsReachingTheLevel() {
        double[][] paths = {{100, 75}, {100, 90, 95}, {100, 110, 50}, {100, 100}};   // MDD 0.25, 0.10, 0.545…, 0
        assertArrayEquals(new double[] {0.25, 0.1, 1 - 50 / 110.0, 0}, Drawdown.maxima(paths), EXACT);
        assertEquals(0.5, Drawdown.probability(paths, 0.25), 0);                   // ≥ counts: 0.25 exactly is in
        assertEquals(0.25, Drawdown.probability(paths, 0.3), 0);
        assertEquals(0.75, Drawdown.probability(paths, 0.05), 0);
    }

    @Test
    void badPathsAndLevelsAreNamed() {
        assertMessage(() -> Drawdown.max(new double[] {100, 0, 3}), "path[1]", "positive", "0.0");
        assertMessage(() -> Drawdown.max(new double[] {100, Double.NaN}), "path[1]", "NaN");
        assertMessage(() -> Drawdown.probability(new double[][] {{1, 2}}, 20), "level", "(0, 1)", "20.0");
        assertMessage(() -> Drawdown.probability(new double[0][], 0.2), "paths", "at least one");
    }
}
