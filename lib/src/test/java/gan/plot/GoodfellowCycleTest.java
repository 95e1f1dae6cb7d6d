package gan.plot;

import static gan.Tolerances.EXACT;
import static gan.Tolerances.FIGURE_DIGITS;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoodfellowCycleTest {
    @Test
    void fourPanelsInTwoRowsWithTheLowerLineAndTheEarlierPg() {
        double[] x = PlotsTest.grid(-4, 4, 41);
        List<GoodfellowPanel> panels = List.of(PlotsTest.panel("near convergence", x, 1), PlotsTest.panel("D trained", x, 1),
                PlotsTest.panel("G step", x, 0.5), PlotsTest.panel("end", x, 0));
        double[] z = {-1, 0, 1};
        List<double[]> gz = List.of(new double[] {-2, 1, 3}, new double[] {-2, 1, 3}, new double[] {-2, 0.5, 2.5}, new double[] {-2, 0, 2});
        PlotlyFigure f = (PlotlyFigure) GoodfellowCycle.of(x, panels, Arrays.asList(null, null, panels.get(1).pG(), null), z, gz, "cycle");
        FigureJs js = new FigureJs(f);
        assertEquals(4 * 4 + 1 + 4 * 2, js.traces.size(), "4 curves per panel, one earlier p_g, mapping and axis lines per panel");
        assertTrue(js.layout.contains("rows: 2") && js.layout.contains("columns: 2"), js.layout);
        assertTrue(js.layout.contains("width: 900"), "fits a 900 px output area");
        int mapping = 16;                                                    // the 16 curves first, then panel (a)'s mapping
        assertEquals("z → x = G(z)", js.string(mapping, "name"));
        double[] mx = js.array(mapping, "x"), my = js.array(mapping, "y");
        assertEquals(-1, mx[0], EXACT);
        assertEquals(-2, mx[1], EXACT, "z = -1 is joined to G(-1) = -2");
        assertEquals(GoodfellowCycle.Z_LINE, my[0], FIGURE_DIGITS);
        assertEquals(GoodfellowCycle.X_LINE, my[1], FIGURE_DIGITS);
        assertTrue(Double.isNaN(mx[2]), "segments are separated by gaps");
        List<?> annotations = (List<?>) f.layoutExtras().get("annotations");
        assertEquals("(c) G step", ((Map<?, ?>) annotations.get(2)).get("text"));
        List<?> yRange = (List<?>) ((Map<?, ?>) f.layoutExtras().get("yaxis4")).get("range");
        assertTrue(((Number) yRange.get(0)).doubleValue() < GoodfellowCycle.Z_LINE, "room for the z line under the curves");
    }

    @Test
    void namesWhatIsMissingOrMismatched() {
        double[] x = PlotsTest.grid(-4, 4, 41);
        GoodfellowPanel p = PlotsTest.panel("", x, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoodfellowCycle.of(x, List.of(p, p, p), null, null, null, "t"));
        assertTrue(e.getMessage().contains("4 panels (a) to (d)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GoodfellowCycle.of(x, List.of(p, p, p, p), null, new double[] {0, 1},
                List.of(new double[2], new double[2], new double[3], new double[2]), "t"));
        assertTrue(e.getMessage().contains("gOfZ[2] has 3 values but z has 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GoodfellowCycle.of(x, List.of(p, p, p, p), null, new double[] {0}, null, "t"));
        assertTrue(e.getMessage().contains("gOfZ must hold G(z)"), e.getMessage());
        assertNotNull(GoodfellowCycle.of(x, List.of(p, p, p, p), null, null, null, "no lower line"));
    }
}
