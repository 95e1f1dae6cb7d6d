package gan.plot;

import static gan.Tolerances.EXACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Plots#scatterPanels}: real and fake points at checkpoints, side by side, read back without a browser. */
class ScatterPanelsTest {
    static double[][] cloud(int n, double cx, double cy, double s, Rng rng) {
        double[][] xy = new double[n][2];
        for (double[] p : xy) {
            p[0] = cx + s * rng.nextGaussian();
            p[1] = cy + s * rng.nextGaussian();
        }
        return xy;
    }

    @Test
    void panelsShowTheSameRealPointsWithEachCheckpointsFakesOnSharedRanges() {
        Rng rng = new Rng(11);
        double[][] real = cloud(1000, 1, 1, 0.5, rng);
        List<double[][]> fakes = List.of(cloud(1000, 0, 0, 0.1, rng), cloud(300, 1, 1, 0.5, rng), new double[][] {{9, -7}});
        PlotlyFigure f = PlotsTest.plotly(DistributionPlots.scatterPanels(real, fakes, List.of("epoch 0", "epoch 1,000", "epoch 5,000"), "training"));
        FigureJs js = new FigureJs(f);
        assertEquals(6, js.traces.size(), "a real and a fake trace per panel");
        for (int k = 0; k < 3; k++) {
            assertEquals(PlotKit.REAL_COLOR, js.markerColor(2 * k));
            assertEquals(PlotKit.FAKE_COLOR, js.markerColor(2 * k + 1));
            String suffix = k == 0 ? "" : Integer.toString(k + 1);
            assertEquals("x" + suffix, js.string(2 * k + 1, "xaxis"));
            assertEquals("y" + suffix, js.string(2 * k + 1, "yaxis"));
            assertEquals(k > 0, js.traces.get(2 * k).contains("showlegend: false"), "one legend entry per kind, panel " + k);
            assertArrayEquals(js.array(0, "x"), js.array(2 * k, "x"), 0, "the same real points in every panel");
        }
        assertEquals(DistributionPlots.MAX_PANEL_POINTS, js.array(0, "x").length, "thinned to the panel cap");
        assertEquals("실제 데이터 / real data (500 of 1000 shown)", js.string(0, "name"));
        assertEquals(300, js.array(3, "x").length, "a small set is kept whole");
        assertEquals(9, js.array(5, "x")[0], EXACT);
        assertEquals("real data", f.traceExtras(2).get("legendgroup"));
        assertEquals("fake data G(z)", f.traceExtras(5).get("legendgroup"));
        assertTrue(js.layout.contains("columns: 3"));
        List<?> range = (List<?>) ((Map<?, ?>) f.layoutExtras().get("xaxis")).get("range");
        assertTrue(((Number) range.get(0)).doubleValue() < -7 && ((Number) range.get(1)).doubleValue() > 9,
                "the shared range spans every point, the far fake included: " + range);
        assertEquals(range, ((Map<?, ?>) f.layoutExtras().get("yaxis3")).get("range"), "x and y share one range in all panels");
        List<?> annotations = (List<?>) f.layoutExtras().get("annotations");
        assertEquals("(b) epoch 1,000", ((Map<?, ?>) annotations.get(1)).get("text"));
        assertEquals("x2 domain", ((Map<?, ?>) annotations.get(1)).get("xref"));
        assertEquals("training", js.title());
        assertTrue(Plots.html(f).length() < 100_000, "four panels of 500 + 500 points stay under 100 kB");
    }

    @Test
    void badInputNamesTheArgument() {
        double[][] real = {{0, 0}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistributionPlots.scatterPanels(real, List.of(real, real), List.of("one"), "t"));
        assertTrue(e.getMessage().contains("2 sets of fakes but 1 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DistributionPlots.scatterPanels(real, List.of(), List.of(), "t"));
        assertTrue(e.getMessage().contains("1 to 8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DistributionPlots.scatterPanels(real, List.<double[][]>of(new double[][] {{0, Double.NaN}}), List.of("a"), "t"));
        assertTrue(e.getMessage().contains("fakes[0][0][1]"), e.getMessage());
    }
}
