package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class KernelDisplayTest {
    final List<String> written = new ArrayList<>();
    final KernelDisplay provider = new KernelDisplay(written::add);

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
    void figuresCarryThePlotlyBundleBesideAnHtmlFallbackAndTheFirstWritesPlotlyJsOnce() {
        Figure f = Plots.lossHistory(PlotsTest.history(3, 1));
        DisplayRenderer r = rendererFor(f);
        assertTrue(r.canRender(null), "display(figure) and a cell's last expression ask with no MIME type");
        assertTrue(r.canRender("text/html"));
        assertTrue(r.canRender(FigureJson.MIME));
        assertFalse(r.canRender("image/png"));

        DisplayData first = r.render(null, f);
        DisplayData second = r.render(null, Plots.lossHistory(List.of()));
        assertEquals(List.of("."), written, "plotly.js written once per kernel JVM, into the working folder");
        for (DisplayData d : List.of(first, second)) {
            String html = (String) d.data().get("text/html");
            assertTrue(html.startsWith("<div class=\"gan-figure\""), html.substring(0, 60));
            assertFalse(html.contains("class=\"gan-plotly\"") || html.contains("plotly.js v2"), "no output carries plotly.js");
            assertTrue(html.length() < FigureHtmlTest.SMALL_FIGURE_BYTES, "small: " + html.length());
            Map<?, ?> bundle = (Map<?, ?>) d.data().get(FigureJson.MIME);
            assertTrue(bundle.get("data") instanceof List<?> && bundle.get("layout") instanceof Map<?, ?>, String.valueOf(bundle));
            assertEquals(4, ((List<?>) bundle.get("data")).size(), "D-loss, G-loss and the two reference lines");
        }
        assertEquals("[plotly figure: " + Plots.LOSS_TITLE + "]", second.data().get("text/plain"), "a text fallback for text-only frontends");
    }

    @Test
    void theBundleIsPlainJsonValuesSoTheKernelsJsonWriterTakesIt() {
        DisplayData d = rendererFor(FigureHtmlTest.simple()).render(null, FigureHtmlTest.simple());
        FigureJsonTest.assertPlainJson(d.data().get(FigureJson.MIME));
    }

    @Test
    void theDefaultProviderWritesPlotlyJsIntoTheWorkingFolderOnlyOnce(@TempDir Path dir) throws IOException {
        Path file = FigureHtml.writePlotlyAsset(dir);
        assertEquals(dir.resolve(FigureHtml.PLOTLY_ASSET), file);
        assertEquals(FigureHtml.plotlyJs().getBytes(StandardCharsets.UTF_8).length, Files.size(file));
        FileTime before = Files.getLastModifiedTime(file);
        assertEquals(file, FigureHtml.writePlotlyAsset(dir), "a complete copy is left alone");
        assertEquals(before, Files.getLastModifiedTime(file));
        Files.writeString(file, "truncated");
        FigureHtml.writePlotlyAsset(dir);
        assertEquals(FigureHtml.plotlyJs().getBytes(StandardCharsets.UTF_8).length, Files.size(file), "a broken copy is replaced");
    }

    @Test
    void tablesRenderAsHtmlTablesWithATextFallback() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2));
        DisplayData d = rendererFor(t).render("text/html", t);
        assertTrue(((String) d.data().get("text/html")).contains("<th>x</th>"));
        assertTrue(((String) d.data().get("text/plain")).contains("2 rows X 1 cols"), String.valueOf(d.data().get("text/plain")));
    }
}
