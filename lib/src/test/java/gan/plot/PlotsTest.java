package gan.plot;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.FIGURE_DIGITS;
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

/** The figures' traces, titles, colours and data, read back from the JavaScript tablesaw writes (no browser). */
class PlotsTest {

    static List<HistoryRow> history(int rows, int every) {
        List<HistoryRow> h = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int e = i * every;
            double t = Math.exp(-e / 1000.0);
            h.add(new HistoryRow(e, Plots.LOG4 - 0.5 * t, Plots.LOG2 + t, 0.5 + 0.4 * t, 0.5 - 0.4 * t, t));
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
        assertEquals("D-loss", js.string(0, "name"));
        assertEquals("G-loss", js.string(1, "name"));
        assertTrue(js.string(2, "name").startsWith("log 4 = 1.3863"));
        assertTrue(js.string(3, "name").startsWith("log 2 = 0.6931"));
        assertEquals(Plots.D_LOSS_COLOR, js.lineColor(0));
        assertEquals(Plots.G_LOSS_COLOR, js.lineColor(1));
        assertArrayEquals(new double[]{Plots.LOG4, Plots.LOG4}, js.array(2, "y"), FIGURE_DIGITS);
        assertArrayEquals(new double[]{Plots.LOG2, Plots.LOG2}, js.array(3, "y"), FIGURE_DIGITS);
        assertArrayEquals(new double[]{0, 10000}, js.array(2, "x"), EXACT, "reference lines span the whole run");
        assertEquals(101, js.array(0, "x").length);
        assertEquals(h.get(57).dLoss(), js.array(0, "y")[57], FIGURE_DIGITS);
        assertEquals(h.get(57).gLoss(), js.array(1, "y")[57], FIGURE_DIGITS);
        assertEquals("Loss history: " + h.get(100).progressLine(), js.title());
        assertEquals("epoch", js.axisTitle("xaxis"));
        assertEquals("loss (nats)", js.axisTitle("yaxis"));
        assertTrue(js.layout.contains("showlegend: true"));
    }

    @Test
    void emptyHistoryGivesAValidFigureWithTheReferenceLinesOnly() {
        FigureJs js = new FigureJs(Plots.lossHistory(List.of(), 500));
        assertEquals(4, js.traces.size());
        assertEquals(0, js.array(0, "x").length);
        assertEquals(0, js.array(1, "y").length);
        assertArrayEquals(new double[]{0, 500}, js.array(2, "x"), EXACT);
        assertEquals("Loss history", js.title());
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
        assertArrayEquals(new double[]{-Plots.LOG2, -Plots.LOG2}, js.array(3, "y"), FIGURE_DIGITS);
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
        assertEquals(Plots.REAL_COLOR, js.lineColor(0));
        assertEquals(Plots.FAKE_COLOR, js.lineColor(1));
        assertArrayEquals(new double[]{0.5, 0.5}, js.array(2, "y"), EXACT);
        assertEquals(h.get(49).meanDFake(), js.array(1, "y")[49], FIGURE_DIGITS);
        assertEquals(List.of(0, 1), ((Map<?, ?>) f.layoutExtras().get("yaxis")).get("range"));
        assertTrue(js.title().startsWith("Discriminator outputs: D(x) = "));
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

    @Test
    void realVsFakeHistogramsShareBinsAndIntegrateToOne() {
        Rng rng = new Rng(7);
        double[] real = new double[1000];
        double[] fake = new double[800];
        Arrays.setAll(real, i -> rng.nextGaussian());
        Arrays.setAll(fake, i -> 0.5 + 2 * rng.nextGaussian());
        int bins = 30;
        FigureJs js = new FigureJs(Plots.realVsFake(real, fake, bins));
        assertEquals(2, js.traces.size());
        assertEquals(Plots.REAL_COLOR, js.lineColor(0));
        assertEquals(Plots.FAKE_COLOR, js.lineColor(1));
        assertEquals("real data (n = 1000)", js.string(0, "name"));
        assertEquals("fake data G(z) (n = 800)", js.string(1, "name"));
        assertArrayEquals(js.array(0, "x"), js.array(1, "x"), EXACT, "the same bins for both");
        for (int t = 0; t < 2; t++) {
            double[] x = js.array(t, "x");
            double[] y = js.array(t, "y");
            assertEquals(bins + 3, x.length);
            assertEquals(0, y[0], EXACT);
            assertEquals(0, y[y.length - 1], EXACT);
            double area = 0;
            for (int j = 1; j <= bins; j++) {
                area += y[j] * (x[j + 1] - x[j]);
            }
            assertEquals(1, area, 10 * FIGURE_DIGITS, "density histogram integrates to 1");
        }
        assertEquals("density", js.axisTitle("yaxis"));
        assertThrows(IllegalArgumentException.class, () -> Plots.realVsFake(real, new double[]{Double.NaN}, 10));
        assertThrows(IllegalArgumentException.class, () -> Plots.realVsFake(real, fake, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.realVsFake(real, fake, 1_000_000));
        assertTrue(e.getMessage().contains("bins must be in [1, 1000], got 1000000"), e.getMessage());
    }

    @Test
    void aConstantSampleStillGetsOneWideBin() {
        FigureJs js = new FigureJs(Plots.realVsFake(new double[]{2, 2}, new double[]{2}, 1));
        assertArrayEquals(new double[]{1.5, 1.5, 2.5, 2.5}, js.array(0, "x"), EXACT);
        assertArrayEquals(new double[]{0, 1, 1, 0}, js.array(0, "y"), EXACT);
    }

    @Test
    void realVsFakeDensityDrawsTwoCurves() {
        double[] x = {-1, 0, 1};
        FigureJs js = new FigureJs(Plots.realVsFakeDensity(x, new double[]{0.2, 0.4, 0.2}, new double[]{0.1, 0.3, 0.3}));
        assertEquals(2, js.traces.size());
        assertArrayEquals(new double[]{0.1, 0.3, 0.3}, js.array(1, "y"), EXACT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.realVsFakeDensity(x, new double[]{1, 2}, new double[3]));
        assertTrue(e.getMessage().contains("pReal has 2 values but the grid has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.realVsFakeDensity(new double[]{0, 0, 1}, new double[3], new double[3]));
    }

    @Test
    void scatterIsBlueRealRedFakeAndCapsPoints() {
        Rng rng = new Rng(3);
        double[][] real = new double[5000][2];
        double[][] fake = new double[10][2];
        for (double[] p : real) {
            p[0] = rng.nextGaussian();
            p[1] = rng.nextGaussian();
        }
        FigureJs js = new FigureJs(Plots.scatter(real, fake));
        assertEquals(Plots.REAL_COLOR, js.markerColor(0));
        assertEquals(Plots.FAKE_COLOR, js.markerColor(1));
        assertEquals("markers", js.string(0, "mode"));
        assertEquals(Plots.MAX_SCATTER_POINTS, js.array(0, "x").length);
        assertEquals("real data (2000 of 5000 shown)", js.string(0, "name"));
        assertEquals("fake data G(z)", js.string(1, "name"));
        assertEquals(real[4999][1], js.array(0, "y")[1999], FIGURE_DIGITS, "last point kept");
        assertEquals("x1", js.axisTitle("xaxis"));
        assertEquals("x2", js.axisTitle("yaxis"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.scatter(new double[][]{{1, 2, 3}}, fake));
        assertTrue(e.getMessage().contains("real[0] has 3 columns"), e.getMessage());
        assertNotNull(Plots.scatter(new double[0][], new double[0][]), "empty sets are a valid first frame");
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

    @Test
    void goodfellowOnePanelHasTheFourCurvesInThePaperStyles() {
        double[] x = grid(-4, 4, 81);
        GoodfellowPanel p = panel("", x, 1);
        FigureJs js = new FigureJs(Plots.goodfellow(x, p.pData(), p.pG(), p.d(), p.dStar(), "figure 1"));
        assertEquals(4, js.traces.size());
        assertEquals("p_data (data)", js.string(0, "name"));
        assertEquals(Plots.P_DATA_COLOR, js.lineColor(0));
        assertTrue(js.traces.get(0).contains("\"dash\" : \"dot\""));
        assertEquals(Plots.P_G_COLOR, js.lineColor(1));
        assertTrue(js.traces.get(2).contains("\"dash\" : \"dash\""), "D is dashed blue, as in the paper");
        assertEquals(Plots.D_COLOR, js.lineColor(2));
        assertTrue(js.string(3, "name").startsWith("D*(x) = p_data / (p_data + p_g)"));
        assertEquals(p.dStar()[40], js.array(3, "y")[40], FIGURE_DIGITS);
        assertEquals("figure 1", js.title());

        FigureJs noD = new FigureJs(Plots.goodfellow(x, p.pData(), p.pG(), null, null, "without D"));
        assertEquals(2, noD.traces.size());
    }

    @Test
    void goodfellowPanelsSitSideBySideOnSharedRangesWithOneLegend() {
        double[] x = grid(-4, 4, 41);
        List<GoodfellowPanel> panels = List.of(panel("epoch 0", x, 2), panel("epoch 100", x, 1),
                panel("epoch 1000", x, 0.5), panel("epoch 10000", x, 0));
        PlotlyFigure f = plotly(Plots.goodfellow(x, panels, "converging"));
        FigureJs js = new FigureJs(f);
        assertEquals(16, js.traces.size());
        assertEquals("x4", js.string(15, "xaxis"));
        assertEquals("y4", js.string(15, "yaxis"));
        assertTrue(js.layout.contains("columns: 4"));
        assertTrue(js.layout.contains("pattern: 'independent'"));
        for (int t = 0; t < 16; t++) {
            assertEquals(t >= 4, js.traces.get(t).contains("showlegend: false"), "legend entries from panel (a) only, trace " + t);
            assertEquals(js.string(t % 4, "name"), f.traceExtras(t).get("legendgroup"), "clicking a legend entry toggles all panels");
        }
        Object yRange = ((Map<?, ?>) f.layoutExtras().get("yaxis")).get("range");
        for (String suffix : List.of("2", "3", "4")) {
            assertEquals(yRange, ((Map<?, ?>) f.layoutExtras().get("yaxis" + suffix)).get("range"), "shared y range");
        }
        List<?> annotations = (List<?>) f.layoutExtras().get("annotations");
        assertEquals("(a) epoch 0", ((Map<?, ?>) annotations.get(0)).get("text"));
        assertEquals("(d) epoch 10000", ((Map<?, ?>) annotations.get(3)).get("text"));
        assertEquals("x4 domain", ((Map<?, ?>) annotations.get(3)).get("xref"));

        double[] logits = panels.get(0).d().clone();
        logits[7] = 2.5;
        IllegalArgumentException notProbability = assertThrows(IllegalArgumentException.class,
                () -> Plots.goodfellow(x, panels.get(0).pData(), panels.get(0).pG(), logits, null, "logits by mistake"));
        assertTrue(notProbability.getMessage().contains("panels[0].d[7] must be in [0.0, 1.0], got 2.5"), notProbability.getMessage());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.goodfellow(grid(-1, 1, 5), panels, "wrong grid"));
        assertTrue(e.getMessage().contains("panels[0].pData has 41 values but the grid has 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.goodfellow(x, List.of(), "none"));
        assertThrows(IllegalArgumentException.class, () -> new GoodfellowPanel("bad", new double[3], new double[2], null, null));
    }

    @Test
    void decisionSurfaceIsAHeatmapOfDWithPointsOnTop() {
        double[] xs = grid(-2, 2, 21);
        double[] ys = grid(-1, 1, 11);
        double[][] d = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                d[j][i] = 1 / (1 + Math.exp(-xs[i] * ys[j]));
            }
        }
        PlotlyFigure f = plotly(Plots.decisionSurface(xs, ys, d, new double[][]{{1, 1}}, new double[][]{{-1, 0}, {0, 0}}));
        assertTrue(f.getTraces()[0] instanceof HeatmapTrace, "tablesaw writes every heatmap as trace0: it must come first");
        FigureJs js = new FigureJs(f);
        assertEquals(3, js.traces.size());
        assertEquals("heatmap", js.string(0, "type"));
        assertEquals(0, f.traceExtras(0).get("zmin"));
        assertEquals(1, f.traceExtras(0).get("zmax"));
        assertEquals(Map.of("title", Map.of("text", "D(x)")), f.traceExtras(0).get("colorbar"));
        assertEquals(Plots.REAL_COLOR, js.markerColor(1));
        assertEquals(Plots.FAKE_COLOR, js.markerColor(2));
        assertTrue(js.js.contains("z: [[" + Plots.round(d[0][0])), "row 0 of z is ys[0]");

        d[3][4] = 1.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionSurface(xs, ys, d, new double[0][], new double[0][]));
        assertTrue(e.getMessage().contains("dValues[3][4] must be in [0.0, 1.0], got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.decisionSurface(ys, xs, d, new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionSurface(grid(0, 1, Plots.MAX_SURFACE_SIDE + 1), ys, new double[11][Plots.MAX_SURFACE_SIDE + 1],
                        new double[0][], new double[0][]));
    }

    @Test
    void sweepHeatmapWritesNumbersInCellsAndReadsLikeATable() {
        String[] ks = {"k=1", "k=2"};
        String[] lrs = {"1e-4", "1e-3", "1e-2"};
        double[][] jsd = {{0.01, 0.02, Double.NaN}, {0.03, 0.04, 0.5}};
        PlotlyFigure f = plotly(Plots.heatmap(ks, lrs, jsd, "Final JSD", "k", "learning rate", "final JSD (nats)"));
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
        assertThrows(IllegalArgumentException.class, () -> Plots.heatmap(ks, lrs, jsd, "t", "k", "lr", "v"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.heatmap(ks, lrs, new double[][]{{1, 2, 3}}, "t", "k", "lr", "v"));
        assertTrue(e.getMessage().contains("values has 1 rows, expected 2"), e.getMessage());
    }

    @Test
    void qqOfASampleWithItselfLiesOnTheDiagonal() {
        Rng rng = new Rng(11);
        double[] a = new double[500];
        Arrays.setAll(a, i -> rng.nextGaussian());
        FigureJs js = new FigureJs(Plots.qq(a, a.clone(), "fake", "real"));
        assertArrayEquals(js.array(0, "x"), js.array(0, "y"), EXACT);
        assertEquals(Plots.QQ_POINTS, js.array(0, "x").length);
        assertEquals("y = x (same distribution)", js.string(1, "name"));
        assertEquals("Q-Q plot: fake vs real", js.title());
        assertEquals("real quantiles", js.axisTitle("xaxis"));
        FigureJs small = new FigureJs(Plots.qq(new double[]{3, 1, 2}, a, "s", "r"));
        assertArrayEquals(new double[]{1, 2, 3}, small.array(0, "y"), EXACT, "three points: the order statistics");
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(0, Plots.quantile(sorted, 0.0), EXACT);
        assertEquals(0.5, Plots.quantile(sorted, 0.1), EXACT); // h = 10·0.1 − 0.5 = 0.5
        assertEquals(4.5, Plots.quantile(sorted, 0.5), EXACT);
        assertEquals(9, Plots.quantile(sorted, 1.0), EXACT);
    }

    @Test
    void pathsFanIsOneTraceWithGapsAndTheRealPathOnTop() {
        double[][] sims = new double[100][50];
        for (int p = 0; p < sims.length; p++) {
            for (int t = 0; t < 50; t++) {
                sims[p][t] = 100 + p + t;
            }
        }
        double[] real = new double[50];
        Arrays.fill(real, 100);
        FigureJs js = new FigureJs(Plots.paths(real, sims, "prices", "price"));
        assertEquals(2, js.traces.size());
        assertEquals("simulated paths (30 of 100 shown)", js.string(0, "name"));
        double[] y = js.array(0, "y");
        assertEquals(Plots.MAX_FAN_PATHS * 51, y.length, "30 paths of 50 points, each followed by a gap");
        assertEquals(Plots.MAX_FAN_PATHS, Arrays.stream(y).filter(Double::isNaN).count());
        assertEquals(Plots.REAL_COLOR, js.lineColor(1));
        assertEquals("price", js.axisTitle("yaxis"));

        double[][] long1 = {new double[5000]};
        assertEquals(Plots.MAX_PATH_POINTS + 1, new FigureJs(Plots.paths(long1, "t", "y")).array(0, "x").length);
        assertThrows(IllegalArgumentException.class, () -> Plots.paths(new double[0][], "t", "y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.paths(new double[][]{{1, Double.NaN}}, "t", "y"));
        assertTrue(e.getMessage().contains("simulated[0][1]"), e.getMessage());
    }

    @Test
    void everyFigureHasATitleAxisTitlesAndALegend() {
        double[] x = grid(-1, 1, 5);
        GoodfellowPanel p = panel("", x, 0.5);
        List<Figure> all = List.of(Plots.lossHistory(history(5, 1)), Plots.discriminatorHistory(history(5, 1)),
                Plots.divergenceHistory(history(5, 1)), Plots.realVsFake(x, x, 3), Plots.realVsFakeDensity(x, x, x),
                Plots.scatter(new double[][]{{0, 0}}, new double[][]{{1, 1}}),
                Plots.goodfellow(x, p.pData(), p.pG(), p.d(), p.dStar(), "g"),
                Plots.goodfellow(x, List.of(p, p), "g2"),
                Plots.decisionSurface(x, x, new double[5][5], new double[0][], new double[0][]),
                Plots.heatmap(new String[]{"a"}, new String[]{"b"}, new double[][]{{1}}, "h", "r", "c", "v"),
                Plots.qq(x, x, "s", "r"), Plots.paths(new double[][]{x}, "p", "y"));
        for (Figure f : all) {
            FigureJs js = new FigureJs(f);
            assertNotNull(js.title(), js.layout);
            assertFalse(js.title().isBlank());
            assertNotNull(js.axisTitle("xaxis"), js.layout);
            assertNotNull(js.axisTitle("yaxis"), js.layout);
            assertTrue(js.layout.contains("showlegend: true"), js.layout);
            for (int t = 0; t < js.traces.size(); t++) {
                boolean named = js.string(t, "name") != null && !js.string(t, "name").isEmpty();
                boolean heatmap = "heatmap".equals(js.string(t, "type"));
                assertTrue(named || heatmap || js.traces.get(t).contains("showlegend: false"), "trace " + t + " needs a legend name");
            }
        }
    }

    @Test
    void roundingKeepsFiveSignificantDigits() {
        assertEquals(1.2346, Plots.round(1.23456789), EXACT);
        assertEquals(-0.00012346, Plots.round(-0.000123456), EXACT);
        assertEquals(123460, Plots.round(123456.7), EXACT);
        assertTrue(Double.isNaN(Plots.round(Double.NaN)));
        assertEquals(0, Plots.round(0.0), EXACT);
    }

    @Test
    void evenlyKeepsFirstAndLastAndNeverMoreThanMax() {
        assertArrayEquals(new int[]{0, 1, 2}, Plots.evenly(3, 10));
        int[] idx = Plots.evenly(1001, 11);
        assertArrayEquals(new int[]{0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000}, idx);
        assertEquals(0, Plots.evenly(0, 5).length);
    }
}
