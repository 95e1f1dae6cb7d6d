package gan.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import gan.train.HistoryRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/** The toolkit under every figure family: Hazen quantiles, rounding, thinning. */
class PlotKitTest {
    private static final double ROUNDING = PlotsTest.ROUNDING;
    private static final double EXACT = PlotsTest.EXACT;


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
}
