package gan.plot;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.train.HistoryRow;
import gan.stats.GanTheory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

/** The figures' traces, titles, colours and data, read back from the JavaScript tablesaw writes (no browser). */
class PlotsTest {

    static List<HistoryRow> history(int rows, int every) {
        List<HistoryRow> h = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int e = i * every;
            double t = Math.exp(-e / 1000.0);
            h.add(new HistoryRow(e, GanTheory.LOG4 - 0.5 * t, GanTheory.LOG2 + t, 0.5 + 0.4 * t, 0.5 - 0.4 * t, t));
        }
        return h;
    }

    static PlotlyFigure plotly(Figure f) {
        assertTrue(f instanceof PlotlyFigure, "our helpers return PlotlyFigure");
        return (PlotlyFigure) f;
    }

    @Test
    void lossHistoryHasBothLossesAndLabelledEquilibriumLines() {
        List<HistoryRow> h = history(101, 100);
        FigureJs js = new FigureJs(Plots.lossHistory(h));
        assertEquals(4, js.traces.size());
        assertEquals("판별자 손실 / D-loss", js.string(0, "name"));
        assertEquals("생성자 손실 / G-loss", js.string(1, "name"));
        assertTrue(js.string(2, "name").startsWith("log 4 = 1.3863"));
        assertTrue(js.string(3, "name").startsWith("log 2 = 0.6931"));
        assertEquals(PlotKit.D_LOSS_COLOR, js.lineColor(0));
        assertEquals(PlotKit.G_LOSS_COLOR, js.lineColor(1));
        assertArrayEquals(new double[]{GanTheory.LOG4, GanTheory.LOG4}, js.array(2, "y"), FIGURE_DIGITS);
        assertArrayEquals(new double[]{GanTheory.LOG2, GanTheory.LOG2}, js.array(3, "y"), FIGURE_DIGITS);
        assertArrayEquals(new double[]{0, 10000}, js.array(2, "x"), EXACT, "reference lines span the whole run");
        assertEquals(101, js.array(0, "x").length);
        assertEquals(h.get(57).dLoss(), js.array(0, "y")[57], FIGURE_DIGITS);
        assertEquals(h.get(57).gLoss(), js.array(1, "y")[57], FIGURE_DIGITS);
        assertEquals("손실 기록 / Loss history: " + h.get(100).progressLine(), js.title());
        assertEquals("에폭 / epoch", js.axisTitle("xaxis"));
        assertEquals("손실 / loss (nats)", js.axisTitle("yaxis"));
        assertTrue(js.layout.contains("showlegend: true"));
    }

    @Test
    void emptyHistoryGivesAValidFigureWithTheReferenceLinesOnly() {
        FigureJs js = new FigureJs(Plots.lossHistory(List.of(), 500));
        assertEquals(4, js.traces.size());
        assertEquals(0, js.array(0, "x").length);
        assertEquals(0, js.array(1, "y").length);
        assertArrayEquals(new double[]{0, 500}, js.array(2, "x"), EXACT);
        assertEquals("손실 기록 / Loss history", js.title());
        assertEquals(Map.of("range", List.of(0, 500), "automargin", true, "zeroline", false),
                plotly(Plots.lossHistory(List.of(), 500)).layoutExtras().get("xaxis"));
        // a fresh figure for every frame of a live chart: different ids, same drawing
        String a = Plots.html(Plots.lossHistory(List.of(), 500));
        String b = Plots.html(Plots.lossHistory(List.of(), 500));
        assertFalse(a.equals(b));
    }

    @Test
    void aRunLongerThanAnnouncedWidensTheAxisInsteadOfCuttingIt() {
        PlotlyFigure f = plotly(Plots.lossHistory(history(30, 10), 100));
        assertEquals(List.of(0, 290), ((Map<?, ?>) f.layoutExtras().get("xaxis")).get("range"));
    }

    @Test
    void saturatingGeneratorLossGetsTheMinusLog2Line() {
        List<HistoryRow> h = new ArrayList<>();
        for (int e = 0; e < 10; e++) {
            h.add(new HistoryRow(e, 1.3, -0.7, 0.5, 0.5, 0.1));
        }
        FigureJs js = new FigureJs(Plots.lossHistory(h));
        assertTrue(js.string(3, "name").startsWith("-log 2 = -0.6931"));
        assertArrayEquals(new double[]{-GanTheory.LOG2, -GanTheory.LOG2}, js.array(3, "y"), FIGURE_DIGITS);
    }

    @Test
    void longHistoriesAreThinnedToTheCapWithFirstAndLastKept() {
        List<HistoryRow> h = history(10_001, 1);
        FigureJs js = new FigureJs(Plots.lossHistory(h));
        double[] x = js.array(0, "x");
        assertEquals(Plots.MAX_LINE_POINTS, x.length);
        assertEquals(0, x[0], EXACT);
        assertEquals(10_000, x[x.length - 1], EXACT);
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] > x[i - 1]);
        }
    }

    @Test
    void historyMustHaveIncreasingEpochs() {
        List<HistoryRow> h = new ArrayList<>(history(3, 10));
        h.add(new HistoryRow(5, 1, 1, 0.5, 0.5, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.lossHistory(h));
        assertTrue(e.getMessage().contains("epoch 5 after 20 at row 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.lossHistory(null));
        assertThrows(IllegalArgumentException.class, () -> Plots.lossHistory(List.of(), -1));
    }

    @Test
    void discriminatorHistoryShowsBothMeansAndTheHalfLine() {
        List<HistoryRow> h = history(50, 10);
        PlotlyFigure f = plotly(Plots.discriminatorHistory(h));
        FigureJs js = new FigureJs(f);
        assertEquals(3, js.traces.size());
        assertEquals(PlotKit.REAL_COLOR, js.lineColor(0));
        assertEquals(PlotKit.FAKE_COLOR, js.lineColor(1));
        assertArrayEquals(new double[]{0.5, 0.5}, js.array(2, "y"), EXACT);
        assertEquals(h.get(49).meanDFake(), js.array(1, "y")[49], FIGURE_DIGITS);
        assertEquals(List.of(0, 1), ((Map<?, ?>) f.layoutExtras().get("yaxis")).get("range"));
        assertTrue(js.title().startsWith("판별자 D의 출력 / Outputs of D: D(x) = "));
    }

    @Test
    void divergenceHistoryDrawsKlFromTheRowsAndNamedSeriesInNameOrder() {
        List<HistoryRow> h = history(20, 5);
        FigureJs kl = new FigureJs(Plots.divergenceHistory(h));
        assertEquals(1, kl.traces.size());
        assertEquals("KL(real || fake)", kl.string(0, "name"));
        assertEquals(h.get(19).kl(), kl.array(0, "y")[19], FIGURE_DIGITS);
        assertEquals("nats", kl.axisTitle("yaxis").replaceAll(".*\\((.*)\\)", "$1"));

        int[] epochs = {0, 10, 20};
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("KL", new double[]{1, 0.5, 0.1});
        series.put("JSD", new double[]{0.3, 0.1, Double.NaN});
        FigureJs both = new FigureJs(Plots.divergenceHistory(epochs, series));
        assertEquals("JSD", both.string(0, "name"), "alphabetical, whatever the map's order");
        assertEquals("KL", both.string(1, "name"));
        assertTrue(Double.isNaN(both.array(0, "y")[2]), "a missing value stays missing (a gap), not clamped");
        assertFalse(both.lineColor(0).equals(both.lineColor(1)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.divergenceHistory(epochs, Map.of("KL", new double[]{1, 2})));
        assertTrue(e.getMessage().contains("series[KL] has 2 values but epochs has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.divergenceHistory(epochs, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Plots.divergenceHistory(new int[]{0, 0}, Map.of("KL", new double[2])));
    }

    @Test
    void linesDrawsNamedCurvesOnOneGridWithGapsForInfinities() {
        double[] x = {0.25, 0.5, 0.75, 1.0};
        double[] logD = Arrays.stream(x).map(Math::log).toArray();
        double[] log1mD = Arrays.stream(x).map(d -> Math.log(1 - d)).toArray();   // −∞ at D = 1
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("log D", logD);
        series.put("log(1 - D)", log1mD);
        FigureJs js = new FigureJs(Plots.lines("Loss terms", "D", "nats", x, series));
        assertEquals(2, js.traces.size());
        assertEquals("log D", js.string(0, "name"), "a LinkedHashMap keeps its order");
        assertEquals("log(1 - D)", js.string(1, "name"));
        assertArrayEquals(x, js.array(0, "x"), EXACT);
        assertArrayEquals(x, js.array(1, "x"), EXACT);
        assertArrayEquals(logD, js.array(0, "y"), FIGURE_DIGITS);
        assertEquals(Math.log(0.25), js.array(1, "y")[2], FIGURE_DIGITS);
        assertTrue(Double.isNaN(js.array(1, "y")[3]), "log 0 = -Infinity is drawn as a gap");
        assertFalse(js.lineColor(0).equals(js.lineColor(1)));
        assertEquals("Loss terms", js.title());
        assertEquals("D", js.axisTitle("xaxis"));
        assertEquals("nats", js.axisTitle("yaxis"));
        assertTrue(js.layout.contains("showlegend: true"));

        Map<String, double[]> reversed = new LinkedHashMap<>();
        reversed.put("b", logD);
        reversed.put("a", logD);
        assertEquals("b", new FigureJs(Plots.lines("t", "x", "y", x, reversed)).string(0, "name"));
        assertEquals("a", new FigureJs(Plots.lines("t", "x", "y", x, Map.of("b", logD, "a", logD))).string(0, "name"),
                "a map without an order is drawn alphabetically");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lines("t", "x", "y", x, Map.of("log D", new double[]{1, 2})));
        assertTrue(e.getMessage().contains("series[log D] has 2 values but x has 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.lines("t", "x", "y", x, Map.of()));
        e = assertThrows(IllegalArgumentException.class, () -> Plots.lines("t", "x", "y", new double[]{0, 0}, Map.of("a", new double[2])));
        assertTrue(e.getMessage().contains("x must increase"), e.getMessage());
    }

    static GoodfellowPanel panel(String label, double[] x, double shift) {
        double[] pData = new double[x.length];
        double[] pG = new double[x.length];
        double[] dStar = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            pData[i] = Math.exp(-0.5 * x[i] * x[i]) / Math.sqrt(2 * Math.PI);
            pG[i] = Math.exp(-0.5 * (x[i] - shift) * (x[i] - shift)) / Math.sqrt(2 * Math.PI);
            dStar[i] = pData[i] / (pData[i] + pG[i]);
        }
        return new GoodfellowPanel(label, pData, pG, dStar.clone(), dStar);
    }

    static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> lo + (hi - lo) * i / (n - 1));
        return x;
    }
}
