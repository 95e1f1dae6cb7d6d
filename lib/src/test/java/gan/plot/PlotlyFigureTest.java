package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

class PlotlyFigureTest {
    static ScatterTrace trace(String name) {
        return ScatterTrace.builder(new double[]{1, 2}, new double[]{3, 4}).name(name).build();
    }

    @Test
    void extrasAreMergedAfterTablesawsDeclarationsAndBeforeNewPlot() {
        PlotlyFigure f = new PlotlyFigure(Layout.builder().title("t").build(),
                Map.of("xaxis", Map.of("range", List.of(0, 10))),
                List.of(Map.of(), Map.of("legendgroup", "g")), trace("a"), trace("b"));
        String js = f.asJavascript("div1");
        int layout = js.indexOf("var layout = {");
        int trace1 = js.indexOf("var trace1 =");
        int mergeLayout = js.indexOf("gan_merge(layout, {\"xaxis\":{\"range\":[0,10]}});");
        int mergeTrace1 = js.indexOf("gan_merge(trace1, {\"legendgroup\":\"g\"});");
        int plot = js.indexOf("Plotly.newPlot(target_div1, data, layout, config);");
        assertTrue(layout >= 0 && trace1 > layout, js);
        assertTrue(mergeLayout > trace1, js);
        assertTrue(mergeTrace1 > mergeLayout, js);
        assertTrue(plot > mergeTrace1, js);
        assertTrue(!js.contains("gan_merge(trace0"), "an empty extras entry adds nothing");
        assertTrue(js.contains("var config = {\n  \"displaylogo\" : false\n}"), "no plotly logo (a link to plotly.com)");
    }

    @Test
    void theMergeIsDeepSoTablesawsAxisTitleSurvives() {
        // The merge function itself: recurse into objects on both sides, otherwise replace.
        PlotlyFigure f = new PlotlyFigure(Layout.builder().build(), Map.of(), List.of(), trace("a"));
        String js = f.asJavascript("d");
        assertTrue(js.contains("typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) { merge(a, b); }"),
                js);
    }

    @Test
    void extrasAreCopiedAndReadable() {
        PlotlyFigure f = new PlotlyFigure(Layout.builder().build(), Map.of("a", 1), List.of(Map.of("b", 2)), trace("x"), trace("y"));
        assertEquals(Map.of("a", 1), f.layoutExtras());
        assertEquals(Map.of("b", 2), f.traceExtras(0));
        assertEquals(Map.of(), f.traceExtras(1));
        assertThrows(UnsupportedOperationException.class, () -> f.layoutExtras().put("c", 3));
        assertThrows(IllegalArgumentException.class, () -> f.traceExtras(2));
    }

    @Test
    void badExtrasFailWhenTheFigureIsBuilt() {
        Layout layout = Layout.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlotlyFigure(layout, Map.of(), List.of(Map.of(), Map.of()), trace("only one")));
        assertTrue(e.getMessage().contains("traceExtras has 2 entries but the figure has only 1 traces"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PlotlyFigure(layout, Map.of("x", new Object()), List.of(), trace("a")));
        assertThrows(IllegalArgumentException.class, () -> new PlotlyFigure(null, Map.of(), List.of(), trace("a")));
    }
}
