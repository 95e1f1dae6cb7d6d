package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

class KernelDisplayTest {
    final List<String> published = new ArrayList<>();
    final KernelDisplay provider = new KernelDisplay(published::add);

    @BeforeEach
    @AfterEach
    void forgetPlotly() {
        KernelDisplay.resetForTests();
    }

    DisplayRenderer rendererFor(Object o) {
        return provider.getDisplayRenderers().stream().filter(r -> r.rendererClass().isAssignableFrom(o.getClass())).findFirst()
                .orElseThrow();
    }

    @Test
    void theKernelFindsTheProviderThroughTheServiceFile() {
        boolean found = ServiceLoader.load(DisplayProvider.class).stream().anyMatch(p -> p.type() == KernelDisplay.class);
        assertTrue(found, "META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider lists gan.plot.KernelDisplay");
    }

    @Test
    void figuresRenderAsHtmlAndOnlyTheFirstPublishesPlotlyAsItsOwnOutput() {
        Figure f = Plots.lossHistory(PlotsTest.history(3, 1));
        DisplayRenderer r = rendererFor(f);
        assertTrue(r.canRender(null), "display(figure) and a cell's last expression ask with no MIME type");
        assertTrue(r.canRender("text/html"));
        assertFalse(r.canRender("image/png"));

        DisplayData first = r.render(null, f);
        DisplayData second = r.render(null, Plots.lossHistory(List.of()));
        assertEquals(1, published.size(), "plotly.js once per kernel JVM");
        assertTrue(published.get(0).startsWith("<script class=\"gan-plotly\" data-version=\"2.35.3\">"));
        for (DisplayData d : List.of(first, second)) {
            String html = (String) d.data().get("text/html");
            assertTrue(html.startsWith("<div class=\"gan-figure\""), html.substring(0, 60));
            assertFalse(html.contains("gan-plotly"), "the figure's own output never carries plotly.js, so updateDisplay cannot lose it");
        }
        assertEquals("[plotly figure: Loss history]", second.data().get("text/plain"), "a text fallback for text-only frontends");
    }

    @Test
    void aFigureThatCannotRenderPublishesNothing() {
        Figure bad = new Figure(ScatterTrace.builder(new double[]{1}, new double[]{1}).build(),
                HeatmapTrace.builder(new Object[]{"a"}, new Object[]{"b"}, new double[][]{{1}}).build());
        assertThrows(IllegalArgumentException.class, () -> rendererFor(bad).render(null, bad));
        assertTrue(published.isEmpty());
    }

    @Test
    void tablesRenderAsHtmlTablesWithATextFallback() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2));
        DisplayData d = rendererFor(t).render("text/html", t);
        assertTrue(((String) d.data().get("text/html")).contains("<th>x</th>"));
        assertTrue(((String) d.data().get("text/plain")).contains("2 rows X 1 cols"), String.valueOf(d.data().get("text/plain")));
    }

    @Test
    void thePlotlyOutputRendersAsItsHtml() {
        KernelDisplay.PlotlyScript s = new KernelDisplay.PlotlyScript("<script>1</script>");
        assertEquals("<script>1</script>", rendererFor(s).render(null, s).data().get("text/html"));
    }
}
