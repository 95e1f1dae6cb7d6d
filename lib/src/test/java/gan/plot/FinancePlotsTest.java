package gan.plot;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FinancePlots' traces read back from the JavaScript (no browser). */
class FinancePlotsTest {
    @Test
    void seriesKeepsEveryPointAndDrawsTheLevels() {
        double[] t = new double[3_000], v = new double[3_000];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2007 + i / 250.0;
            v[i] = i == 1234 ? -9 : Math.sin(i);
        }
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("real", v);
        FigureJs js = new FigureJs(FinancePlots.series(t, s, new double[] {4}, "returns", "year", "z"));
        assertEquals(3, js.traces.size());                     // the series and ±4
        assertEquals(3_000, js.array(0, "x").length);          // not thinned
        assertEquals(-9, js.array(0, "y")[1234], EXACT);
        assertEquals(4, js.array(1, "y")[0], EXACT);
        assertEquals("red", new FigureJs(FinancePlots.series(t, s, new double[0], "GAN", "year", "z", 1)).lineColor(0));
        assertThrows(IllegalArgumentException.class, () -> FinancePlots.series(t, s, new double[0], "GAN", "year", "z", 6));
        assertThrows(IllegalArgumentException.class, () -> FinancePlots.series(new double[] {2, 1}, Map.of("a", new double[] {1, 2}), new double[0], "", "", ""));
    }

    @Test
    void acfDrawsLagsFromOneAndTheBand() {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("real |r|", new double[] {0.3, 0.2, 0.1});
        a.put("GAN |r|", new double[] {0.01, -0.02, 0.0});
        FigureJs js = new FigureJs(FinancePlots.acf(a, 0.036, "acf"));
        assertEquals(4, js.traces.size());
        assertEquals(1, js.array(0, "x")[0], EXACT);
        assertEquals(0.036, js.array(2, "y")[0], EXACT);
        assertEquals(-0.036, js.array(3, "y")[1], EXACT);
        a.put("short", new double[] {0.1});
        assertThrows(IllegalArgumentException.class, () -> FinancePlots.acf(a, 0.036, "acf"));
    }

    @Test
    void logDensitiesNormaliseByTheWholeSampleAndLeaveEmptyBinsOut() {
        double[] v = {0.5, 0.5, 1.5, 9};                       // 9 lies outside [0, 4]
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("real", v);
        Map<String, java.util.function.DoubleUnaryOperator> curves = new LinkedHashMap<>();
        curves.put("flat", x -> 0.25);
        FigureJs js = new FigureJs(FinancePlots.logDensities(s, curves, 4, 0, 4, "tails", "z"));
        double[] y = js.array(0, "y");
        assertEquals(0.5, y[0], EXACT);                         // 2 of 4 values in a bin of width 1
        assertEquals(0.25, y[1], EXACT);
        assertEquals(true, Double.isNaN(y[2]));
        assertEquals(0.25, js.array(1, "y")[0], EXACT);
    }
}
