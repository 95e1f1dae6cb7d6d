package gan.plot;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The toolkit under every figure family: Hazen quantiles, rounding, thinning. */
class PlotKitTest {

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(0, PlotKit.hazenQuantile(sorted, 0.0), EXACT);
        assertEquals(0.5, PlotKit.hazenQuantile(sorted, 0.1), EXACT); // h = 10·0.1 − 0.5 = 0.5
        assertEquals(4.5, PlotKit.hazenQuantile(sorted, 0.5), EXACT);
        assertEquals(9, PlotKit.hazenQuantile(sorted, 1.0), EXACT);
    }

    @Test
    void roundingKeepsFiveSignificantDigits() {
        assertEquals(1.2346, PlotKit.round(1.23456789), EXACT);
        assertEquals(-0.00012346, PlotKit.round(-0.000123456), EXACT);
        assertEquals(123460, PlotKit.round(123456.7), EXACT);
        assertTrue(Double.isNaN(PlotKit.round(Double.NaN)));
        assertEquals(0, PlotKit.round(0.0), EXACT);
    }

    @Test
    void evenlyKeepsFirstAndLastAndNeverMoreThanMax() {
        assertArrayEquals(new int[]{0, 1, 2}, PlotKit.evenly(3, 10));
        int[] idx = PlotKit.evenly(1001, 11);
        assertArrayEquals(new int[]{0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000}, idx);
        assertEquals(0, PlotKit.evenly(0, 5).length);
    }

    @Test
    void densitiesCountEachValueOnceWithTheTopEdgeInTheLastBinAndOutsideValuesLeftOut() {
        double[] v = {0, 0.5, 1, 2, 2, -1, 3};          // bins [0, 1), [1, 2]; -1 and 3 lie outside
        double[] d = PlotKit.densities(v, 0, 2, 2);
        assertArrayEquals(new double[]{2.0 / 7, 3.0 / 7}, d, EXACT, "normalised by all 7 values, width 1");
        double[] inside = {0, 0.25, 0.5, 1};
        double[] one = PlotKit.densities(inside, 0, 1, 4);
        assertEquals(1, (one[0] + one[1] + one[2] + one[3]) * 0.25, EXACT, "values inside [lo, hi] integrate to 1");
    }
}
