package gan.plot;

import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Plots#lines} and the titled {@link Plots#decisionSurface}, read back from the figure's JavaScript. */
class PlotsLinesTest {

    @Test
    void linesDrawsOneNamedLinePerSeriesInTheMapsOrder() {
        double[] epochs = {0, 250, 500, 750};
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("weak D 2-4-1", new double[] {0, 1, 1, 2});
        series.put("lecture D 2-128-1", new double[] {1, 2, Double.NaN, 4});
        FigureJs js = new FigureJs(Plots.lines("Modes covered", "epoch", "modes with >= 13% of fakes", epochs, series));
        assertEquals(2, js.traces.size());
        assertEquals("weak D 2-4-1", js.string(0, "name"), "a LinkedHashMap keeps its order");
        assertEquals("lecture D 2-128-1", js.string(1, "name"));
        assertArrayEquals(epochs, js.array(0, "x"), FIGURE_DIGITS);
        assertArrayEquals(new double[] {0, 1, 1, 2}, js.array(0, "y"), FIGURE_DIGITS);
        assertTrue(Double.isNaN(js.array(1, "y")[2]), "a missing value stays a gap");
        assertEquals(PlotKit.SERIES_COLORS[0], js.lineColor(0));
        assertEquals(PlotKit.SERIES_COLORS[1], js.lineColor(1));
        assertEquals("Modes covered", js.title());
        assertEquals("epoch", js.axisTitle("xaxis"));
        assertEquals("modes with &gt;= 13% of fakes", js.axisTitle("yaxis"));
    }

    @Test
    void longSeriesAreThinnedKeepingTheEnds() {
        int n = 3 * Plots.MAX_LINE_POINTS;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i * 0.5;
        }
        FigureJs js = new FigureJs(Plots.lines("t", "x", "y", x, Map.of("half", y)));
        double[] xs = js.array(0, "x");
        assertEquals(Plots.MAX_LINE_POINTS, xs.length);
        assertEquals(0, xs[0]);
        assertEquals(n - 1, xs[xs.length - 1], FIGURE_DIGITS * n);
        assertEquals(0.5 * xs[17], js.array(0, "y")[17], FIGURE_DIGITS * n);
    }

    @Test
    void linesNamesBadInput() {
        double[] x = {0, 1, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lines("t", "x", "y", x, Map.of("a", new double[2])));
        assertTrue(e.getMessage().contains("series[a] has 2 values but x has 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.lines("t", "x", "y", new double[] {0, 2, 1}, Map.of("a", new double[3])));
        assertTrue(e.getMessage().contains("x must increase, got 1.0 after 2.0 at index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.lines("t", "x", "y", x, Map.of()));
        assertTrue(e.getMessage().contains("series must name at least one curve"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.lines("t", "x", "y", new double[] {0, Double.NaN}, Map.of("a", new double[2])));
        assertTrue(e.getMessage().contains("x[1] must be a finite number, got NaN"), e.getMessage());
    }

    @Test
    void decisionSurfaceTakesATitle() {
        double[] xs = {0, 1};
        double[][] d = {{0.2, 0.4}, {0.6, 0.8}};
        FigureJs titled = new FigureJs(TheoryPlots.decisionSurface(xs, xs, d, new double[0][], new double[][] {{0.5, 0.5}}, "epoch 500: weak D"));
        assertEquals("epoch 500: weak D", titled.title());
        FigureJs plain = new FigureJs(TheoryPlots.decisionSurface(xs, xs, d, new double[0][], new double[0][]));
        assertEquals(TheoryPlots.SURFACE_TITLE, plain.title());
        assertThrows(IllegalArgumentException.class, () -> TheoryPlots.decisionSurface(xs, xs, d, new double[0][], new double[0][], null));
    }
}
