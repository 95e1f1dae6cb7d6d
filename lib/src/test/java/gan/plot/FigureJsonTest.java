package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

class FigureJsonTest {
    static final ObjectMapper STRICT = new ObjectMapper();
    /** A float32 of a value of order 1 is within 2⁻²³ ≈ 1.2e-7 relative. */
    static final double FLOAT32 = 1e-6;

    /** The bundle as strict JSON, read back: fails on anything a JSON reader would refuse. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> strict(Figure f) {
        try {
            return STRICT.readValue(FigureJson.json(f), Map.class);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static List<?> data(Map<String, Object> bundle) {
        return (List<?>) bundle.get("data");
    }

    static Map<String, Object> layout(Map<String, Object> bundle) {
        return map(bundle.get("layout"));
    }

    /** Only Map with String keys, List, String, Number, Boolean and null, all numbers finite. */
    static void assertPlainJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                assertTrue(k instanceof String, "key " + k);
                assertPlainJson(v);
            });
        } else if (o instanceof List<?> l) {
            l.forEach(FigureJsonTest::assertPlainJson);
        } else if (o instanceof Double d) {
            assertTrue(Double.isFinite(d), "non-finite number " + d);
        } else if (!(o == null || o instanceof String || o instanceof Number || o instanceof Boolean)) {
            fail("not a plain JSON value: " + o.getClass());
        }
    }

    /** Every figure the library draws, at the sizes the notebooks use (4 panels, many heatmap columns, 3 fans). */
    static List<Figure> everyKindOfFigure() {
        double[] x = new double[50];
        double[] p = new double[50];
        double[] d = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = -3 + 0.12 * i;
            p[i] = Math.exp(-x[i] * x[i] / 2) / Math.sqrt(2 * Math.PI);
            d[i] = 0.5;
        }
        List<GoodfellowPanel> panels = new ArrayList<>();
        List<double[][]> fakes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            panels.add(new GoodfellowPanel("epoch " + k, p, p, d, d));
            fakes.add(new double[][]{{k, 0}, {0, k}});
            labels.add("epoch " + k);
        }
        double[][] real = {{1, 1}, {-1, -1}};
        String[] cols = new String[12];
        double[][] values = new double[3][12];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = "lr " + c;
        }
        double[][] sims = new double[5][30];
        for (double[] path : sims) {
            java.util.Arrays.fill(path, 1);
        }
        List<Figure> all = new ArrayList<>(List.of(
                Plots.lossHistory(PlotsTest.history(20, 10)), Plots.discriminatorHistory(PlotsTest.history(20, 10)),
                Plots.divergenceHistory(PlotsTest.history(20, 10)), DistributionPlots.realVsFake(x, p, 10), DistributionPlots.realVsFakeDensity(x, p, p),
                DistributionPlots.scatter(real, real), DistributionPlots.scatterPanels(real, fakes, labels, "panels"), TheoryPlots.goodfellow(x, panels, "g"),
                TheoryPlots.goodfellow(x, p, p, d, d, "one"), SweepFigures.heatmap(new String[]{"k=1", "k=2", "k=5"}, cols, values, "h", "k", "lr", "v"),
                DistributionPlots.qq(x, p, "a", "b"), ReturnPlots.paths(sims[0], sims, "fan", "price"),
                ReturnPlots.fans(Map.of("a", sims, "b", sims, "c", sims), "fans", "price")));
        return all;
    }

    @Test
    void theBundleIsValidJsonWithDataLayoutAndConfig() {
        Figure f = Plots.lines("t", "x", "y", new double[]{0, 1, 2}, Map.of("a", new double[]{1, Double.NaN, 3}));
        Map<String, Object> b = strict(f);
        assertEquals(List.of("data", "layout", "config"), List.copyOf(b.keySet()));
        Map<String, Object> trace = map(data(b).get(0));
        assertEquals("scatter", trace.get("type"));
        assertEquals("a", trace.get("name"));
        assertEquals(List.of(0, 1, 2), trace.get("x"), "tablesaw's \"0.0\" strings are numbers in the JSON");
        assertEquals(java.util.Arrays.asList(1, null, 3), trace.get("y"), "NaN is null: plotly's gap");
        assertEquals(Map.of("text", "t"), layout(b).get("title"), "plotly.js 3 and 4 take only title objects");
        assertEquals(Map.of("text", "x"), map(layout(b).get("xaxis")).get("title"));
        assertEquals(false, map(b.get("config")).get("displaylogo"));
    }

    @Test
    void aPlotlyFiguresExtrasAreMergedIntoTablesawsLayoutAndTraces() {
        Map<String, Object> b = strict(Plots.lossHistory(PlotsTest.history(30, 10), 100));
        Map<String, Object> xaxis = map(layout(b).get("xaxis"));
        assertEquals(List.of(0, 290), xaxis.get("range"), "the extra's range (the last epoch, past 100) ...");
        assertEquals(Map.of("text", "에폭 / epoch"), xaxis.get("title"), "... beside tablesaw's axis title");
        assertEquals(true, xaxis.get("automargin"));
        assertEquals("h", map(layout(b).get("legend")).get("orientation"));

        Map<String, Object> heat = strict(SweepFigures.heatmap(new String[]{"k=1", "k=2"}, new String[]{"1e-4", "1e-3"},
                new double[][]{{1, 2}, {3, Double.NaN}}, "T", "k", "lr", "final JSD"));
        Map<String, Object> trace = map(data(heat).get(0));
        assertEquals("Viridis", trace.get("colorscale"));
        assertEquals(Map.of("title", Map.of("text", "final JSD")), trace.get("colorbar"));
        assertEquals(List.of(List.of(1, 2), java.util.Arrays.asList(3, null)), trace.get("z"));
        assertEquals(List.of("1e-4", "1e-3"), trace.get("x"), "labels that are not all numbers stay strings");
        assertEquals("category", map(layout(heat).get("xaxis")).get("type"));
        assertEquals("category", map(layout(heat).get("yaxis")).get("type"));
    }

    @Test
    void everyFigureFitsAnOutputArea900PxWide() {
        for (Figure f : everyKindOfFigure()) {
            Map<String, Object> b = strict(f);
            int width = ((Number) layout(b).get("width")).intValue();
            assertTrue(width <= FigureJson.MAX_WIDTH, layout(b).get("title") + ": " + width + " px");
            assertPlainJson(FigureJson.bundle(f));
            assertFalse(FigureJson.json(f).contains("<"), "safe inside a script element");
        }
    }

    @Test
    void fourScatterPanelsWrapIntoTwoRowsAndFourGoodfellowPanelsShareOneRow() {
        List<Figure> all = everyKindOfFigure();
        Map<String, Object> scatter = layout(strict(all.get(6)));
        assertEquals(2, ((Number) map(scatter.get("grid")).get("rows")).intValue(), String.valueOf(scatter.get("grid")));
        assertEquals(2, ((Number) map(scatter.get("grid")).get("columns")).intValue());
        Map<String, Object> goodfellow = layout(strict(all.get(7)));
        assertEquals(1, ((Number) map(goodfellow.get("grid")).get("rows")).intValue());
        assertEquals(FigureJson.MAX_WIDTH, ((Number) goodfellow.get("width")).intValue(), "1120 px before: now the widest allowed");
    }

    @Test
    void aTablesawFigureWiderThan900PxIsNarrowed() {
        Figure wide = new Figure(tech.tablesaw.plotly.components.Layout.builder().width(1400).height(300).build(),
                ScatterTrace.builder(new double[]{1}, new double[]{2}).build());
        assertEquals(FigureJson.MAX_WIDTH, FigureJson.width(FigureJson.bundle(wide)));
        assertEquals(-1, FigureJson.width(FigureJson.bundle(new Figure(ScatterTrace.builder(new double[]{1}, new double[]{2}).build()))),
                "no layout width: the figure fills its container");
    }

    @Test
    void aBarChartOfKHasACategoryAxisWithoutEmptySlots() {
        Table sweep = Table.create("sweep", IntColumn.create("k", 1, 2, 5), DoubleColumn.create("jsd", 0.1, 0.2, 0.3));
        Map<String, Object> b = strict(VerticalBarPlot.create("final JSD", sweep, "k", "jsd"));
        assertEquals("category", map(layout(b).get("xaxis")).get("type"));
        assertEquals("bar", map(data(b).get(0)).get("type"));
        Map<String, Object> lines = strict(Plots.lossHistory(PlotsTest.history(3, 1)));
        assertNull(map(layout(lines).get("xaxis")).get("type"), "epochs stay a numeric axis");
    }

    /** A typed-array spec read back as plotly.js does: base64 little-endian float32. */
    static float[] unpack(Object spec) {
        Map<String, Object> m = map(spec);
        assertEquals("f4", m.get("dtype"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode((String) m.get("bdata")))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }

    @Test
    void longNumericArraysTravelAsBase64Float32AndLabelsStayText() {
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 10;
            y[i] = i == 50 ? Double.NaN : Math.log(4) + 0.001 * i;
        }
        Map<String, Object> trace = map(data(strict(Plots.lines("t", "epoch", "loss", x, Map.of("D-loss", y)))).get(0));
        float[] xs = unpack(trace.get("x"));
        float[] ys = unpack(trace.get("y"));
        assertEquals(100, xs.length);
        assertEquals(990f, xs[99]);
        assertTrue(Float.isNaN(ys[50]), "a gap stays a gap (NaN)");
        assertEquals(PlotKit.round(Math.log(4) + 0.001 * 10), ys[10], FLOAT32, "float32 keeps the figures' 5 significant digits");

        double[][] z = new double[4][5];
        z[2][3] = Double.NaN;
        z[1][4] = 0.25;
        String[] cols = {"a", "b", "c", "d", "e"};
        Map<String, Object> heat = map(data(strict(SweepFigures.heatmap(new String[]{"1", "2", "3", "4"}, cols, z, "T", "k", "lr", "v"))).get(0));
        assertEquals("4,5", map(heat.get("z")).get("shape"), "rows,cols as numpy's shape");
        float[] zs = unpack(heat.get("z"));
        assertEquals(0.25f, zs[1 * 5 + 4]);
        assertTrue(Float.isNaN(zs[2 * 5 + 3]));
        assertEquals(List.of("a", "b", "c", "d", "e"), heat.get("x"), "labels stay text");
    }

    @Test
    void aHeatmapMayFollowAnotherTrace() {
        HeatmapTrace h = HeatmapTrace.builder(new Object[]{"a"}, new Object[]{"b"}, new double[][]{{1}}).build();
        ScatterTrace s = ScatterTrace.builder(new double[]{1}, new double[]{1}).build();
        Map<String, Object> b = strict(new Figure(s, h));
        assertEquals(List.of("scatter", "heatmap"), data(b).stream().map(t -> map(t).get("type")).toList(),
                "each trace is read on its own, so tablesaw naming every heatmap trace0 no longer matters");
    }
}
