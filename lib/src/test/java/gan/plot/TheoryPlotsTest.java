package gan.plot;

import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/** Goodfellow et al.'s figure 1 and D's decision surface, read back from the figure JavaScript. */
class TheoryPlotsTest {

    @Test
    void goodfellowOnePanelHasTheFourCurvesInThePaperStyles() {
        double[] x = PlotsTest.grid(-4, 4, 81);
        GoodfellowPanel p = PlotsTest.panel("", x, 1);
        FigureJs js = new FigureJs(TheoryPlots.goodfellow(x, p.pData(), p.pG(), p.d(), p.dStar(), "figure 1"));
        assertEquals(4, js.traces.size());
        assertEquals("p_data (데이터 / data)", js.string(0, "name"));
        assertEquals(PlotKit.P_DATA_COLOR, js.lineColor(0));
        assertTrue(js.traces.get(0).contains("\"dash\" : \"dot\""));
        assertEquals(PlotKit.P_G_COLOR, js.lineColor(1));
        assertTrue(js.traces.get(2).contains("\"dash\" : \"dash\""), "D is dashed blue, as in the paper");
        assertEquals(PlotKit.D_COLOR, js.lineColor(2));
        assertTrue(js.string(3, "name").startsWith("D*(x) = p_data / (p_data + p_g)"));
        assertEquals(p.dStar()[40], js.array(3, "y")[40], FIGURE_DIGITS);
        assertEquals("figure 1", js.title());

        FigureJs noD = new FigureJs(TheoryPlots.goodfellow(x, p.pData(), p.pG(), null, null, "without D"));
        assertEquals(2, noD.traces.size());
    }

    @Test
    void goodfellowPanelsSitSideBySideOnSharedRangesWithOneLegend() {
        double[] x = PlotsTest.grid(-4, 4, 41);
        List<GoodfellowPanel> panels = List.of(PlotsTest.panel("epoch 0", x, 2), PlotsTest.panel("epoch 100", x, 1),
                PlotsTest.panel("epoch 1000", x, 0.5), PlotsTest.panel("epoch 10000", x, 0));
        PlotlyFigure f = PlotsTest.plotly(TheoryPlots.goodfellow(x, panels, "converging"));
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
                () -> TheoryPlots.goodfellow(x, panels.get(0).pData(), panels.get(0).pG(), logits, null, "logits by mistake"));
        assertTrue(notProbability.getMessage().contains("panels[0].d[7] must be in [0.0, 1.0], got 2.5"), notProbability.getMessage());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TheoryPlots.goodfellow(PlotsTest.grid(-1, 1, 5), panels, "wrong grid"));
        assertTrue(e.getMessage().contains("panels[0].pData has 41 values but the grid has 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TheoryPlots.goodfellow(x, List.of(), "none"));
        assertThrows(IllegalArgumentException.class, () -> new GoodfellowPanel("bad", new double[3], new double[2], null, null));
    }

    @Test
    void decisionSurfaceIsAHeatmapOfDWithPointsOnTop() {
        double[] xs = PlotsTest.grid(-2, 2, 21);
        double[] ys = PlotsTest.grid(-1, 1, 11);
        double[][] d = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                d[j][i] = 1 / (1 + Math.exp(-xs[i] * ys[j]));
            }
        }
        PlotlyFigure f = PlotsTest.plotly(TheoryPlots.decisionSurface(xs, ys, d, new double[][]{{1, 1}}, new double[][]{{-1, 0}, {0, 0}}));
        assertTrue(f.getTraces()[0] instanceof HeatmapTrace, "tablesaw writes every heatmap as trace0: it must come first");
        FigureJs js = new FigureJs(f);
        assertEquals(3, js.traces.size());
        assertEquals("heatmap", js.string(0, "type"));
        assertEquals(0, f.traceExtras(0).get("zmin"));
        assertEquals(1, f.traceExtras(0).get("zmax"));
        assertEquals(Map.of("title", Map.of("text", "D(x)")), f.traceExtras(0).get("colorbar"));
        assertEquals(PlotKit.REAL_COLOR, js.markerColor(1));
        assertEquals(PlotKit.FAKE_COLOR, js.markerColor(2));
        assertTrue(js.js.contains("z: [[" + PlotKit.round(d[0][0])), "row 0 of z is ys[0]");

        d[3][4] = 1.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TheoryPlots.decisionSurface(xs, ys, d, new double[0][], new double[0][]));
        assertTrue(e.getMessage().contains("dValues[3][4] must be in [0.0, 1.0], got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TheoryPlots.decisionSurface(ys, xs, d, new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class,
                () -> TheoryPlots.decisionSurface(PlotsTest.grid(0, 1, TheoryPlots.MAX_SURFACE_SIDE + 1), ys, new double[11][TheoryPlots.MAX_SURFACE_SIDE + 1],
                        new double[0][], new double[0][]));
    }
}
