package gan.plot;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SweepFigures}: read back without a browser. */
class SweepFiguresTest {
    @Test
    void dLossVsJsdDrawsTheOptimalDCurveTheRunsAndTheRings() {
        Map<String, double[][]> groups = new LinkedHashMap<>();
        groups.put("lr 1e-4", new double[][] {{0.01, 1.37}, {0.02, 1.35}});
        groups.put("lr 1e-2", new double[][] {{0.3, 1.386}});
        PlotlyFigure f = PlotsTest.plotly(SweepFigures.dLossVsJsd(groups, new double[][] {{0.3, 1.386}}, "at log 4, JSD large", "runs"));
        FigureJs js = new FigureJs(f);
        assertEquals(5, js.traces.size(), "curve, log 4 line, two groups, rings");
        double[] x = js.array(0, "x"), y = js.array(0, "y");
        for (int i = 0; i < x.length; i++) assertEquals(Math.log(4) - 2 * x[i], y[i], FIGURE_DIGITS, "the curve is log 4 - 2 JSD");
        assertEquals(Math.log(2), x[x.length - 1], FIGURE_DIGITS, "the curve reaches JSD = log 2, where D-loss = 0");
        assertArrayEquals(new double[] {0.01, 0.02}, js.array(2, "x"), EXACT);
        assertArrayEquals(new double[] {1.386}, js.array(4, "y"), EXACT);
        assertEquals("at log 4, JSD large", js.string(4, "name"));
        assertEquals("circle-open", ((Map<?, ?>) f.traceExtras(4).get("marker")).get("symbol"));
        assertTrue(js.layout.contains("width: 900"), js.layout);
        List<?> range = (List<?>) ((Map<?, ?>) f.layoutExtras().get("xaxis")).get("range");
        assertTrue(((Number) range.get(1)).doubleValue() >= 0.3, "the x range reaches the largest JSD: " + range);
    }

    @Test
    void surfaceGridHasAPanelPerSettingAndCheckpointOnSharedAxes() {
        double[] xs = {-1, 0, 1}, ys = {-1, 0.5, 1, 2};
        double[][] d = new double[4][3];
        for (double[] row : d) java.util.Arrays.fill(row, 0.5);
        double[][] real = new double[1000][];
        for (int i = 0; i < real.length; i++) real[i] = new double[] {i / 1000.0, 0};
        List<List<SweepFigures.Panel>> rows = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            List<SweepFigures.Panel> row = new ArrayList<>();
            for (int c = 0; c < 3; c++) row.add(new SweepFigures.Panel("epoch " + c, d, new double[][] {{r, c}}));
            rows.add(row);
        }
        PlotlyFigure f = PlotsTest.plotly(SweepFigures.surfaceGrid(xs, ys, real, rows, List.of("lecture", "weak D"), "surfaces"));
        FigureJs js = new FigureJs(f);
        assertEquals(2 * 3 * 3, js.traces.size(), "a surface, real and fake points per panel");
        assertEquals("x6", f.traceExtras(15).get("xaxis"), "panel (row 1, column 2) is the sixth");
        assertEquals(true, f.traceExtras(0).get("showscale"));
        assertEquals(false, f.traceExtras(3).get("showscale"), "one colour bar");
        assertEquals(SweepFigures.MAX_GRID_POINTS, js.array(1, "x").length, "real points thinned");
        assertArrayEquals(new double[] {1}, js.array(17, "x"), EXACT, "row 1, column 2's fakes");
        Map<?, ?> x6 = (Map<?, ?>) f.layoutExtras().get("xaxis6");
        assertEquals("y6", x6.get("anchor"));
        assertEquals(List.of(-1.0, 1.0), x6.get("range"));
        assertTrue(js.layout.contains("width: 900"), js.layout);
        List<?> notes = (List<?>) f.layoutExtras().get("annotations");
        assertEquals(2 * 3 + 2, notes.size(), "a caption per panel and a name per row");
        assertTrue(notes.stream().anyMatch(n -> "weak D".equals(((Map<?, ?>) n).get("text"))));
    }

    @Test
    void badInputIsNamed() {
        double[] xs = {0, 1};
        double[][] d = {{0.5, 0.5}, {0.5, 2}};
        List<List<SweepFigures.Panel>> rows = List.of(List.of(new SweepFigures.Panel("a", d, new double[0][])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepFigures.surfaceGrid(xs, xs, new double[0][], rows, List.of("r"), "t"));
        assertTrue(e.getMessage().contains("rows[0][0].d[1][1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SweepFigures.surfaceGrid(xs, xs, new double[0][], rows, List.of(), "t"));
        assertTrue(e.getMessage().contains("rowNames"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SweepFigures.dLossVsJsd(Map.of("g", new double[][] {{1, Double.NaN}}), new double[0][], "", "t"));
        assertTrue(e.getMessage().contains("groups[g][0][1]"), e.getMessage());
    }

    @Test
    void sweepHeatmapWritesNumbersInCellsAndReadsLikeATable() {
        String[] ks = {"k=1", "k=2"};
        String[] lrs = {"1e-4", "1e-3", "1e-2"};
        double[][] jsd = {{0.01, 0.02, Double.NaN}, {0.03, 0.04, 0.5}};
        PlotlyFigure f = PlotsTest.plotly(SweepFigures.heatmap(ks, lrs, jsd, "Final JSD", "k", "learning rate", "final JSD (nats)"));
        FigureJs js = new FigureJs(f);
        assertEquals(1, js.traces.size());
        assertEquals("%{z:.3~g}", f.traceExtras(0).get("texttemplate"));
        assertEquals(Map.of("title", Map.of("text", "final JSD (nats)")), f.traceExtras(0).get("colorbar"));
        assertTrue(js.js.contains("x: [\"1e-4\",\"1e-3\",\"1e-2\"]"), "column labels on x, verbatim");
        assertTrue(js.js.contains("z: [[0.01,0.02,NaN,],[0.03,0.04,0.5,],]"), "NaN stays a missing cell");
        assertTrue(js.layout.contains("type: 'category'"), "labels like 1e-4 are categories, not numbers");
        assertTrue(js.layout.contains("autorange: 'reversed'"), "first row at the top");
        assertEquals("Final JSD", js.title());
        assertEquals("learning rate", js.axisTitle("xaxis"));
        assertEquals("k", js.axisTitle("yaxis"));

        jsd[1][1] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> SweepFigures.heatmap(ks, lrs, jsd, "t", "k", "lr", "v"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepFigures.heatmap(ks, lrs, new double[][]{{1, 2, 3}}, "t", "k", "lr", "v"));
        assertTrue(e.getMessage().contains("values has 1 rows, expected 2"), e.getMessage());
    }
}
