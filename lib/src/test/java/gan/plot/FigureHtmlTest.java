package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

class FigureHtmlTest {
    /** A figure's HTML, without plotly.js, stays small: the lecture's figures are well under this. */
    static final int SMALL_FIGURE_BYTES = 10_000;
    static final Pattern DIV = Pattern.compile("<div class=\"gan-figure\" id=\"(gan-fig-[a-z0-9]+-\\d+)\" style=\"([^\"]*)\">");

    static Figure simple() {
        return Plots.lossHistory(PlotsTest.history(10, 10));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aFigureIsItsPlotlyJsonThenADivAndAScriptThatDrawsItIntoIt() throws Exception {
        Figure f = simple();
        String html = FigureHtml.html(f);
        Matcher spec = Pattern.compile("^<script type=\"application/json\" class=\"gan-figure-spec\">(\\{.*\\})</script>\n<div ").matcher(html);
        assertTrue(spec.find(), "the JSON, one line, right before the div: " + html.substring(0, 80));
        assertEquals(FigureJsonTest.STRICT.readTree(FigureJson.json(f)), FigureJsonTest.STRICT.readTree(spec.group(1)),
                "the fallback draws the same JSON as the plotly bundle");
        Matcher div = DIV.matcher(html);
        assertTrue(div.find(), html);
        String id = div.group(1);
        assertEquals("width:700px;max-width:100%;height:450px;", div.group(2), "the div takes the layout's size");
        assertTrue(html.contains("var div = document.getElementById('" + id + "'), el = div.previousElementSibling;"));
        assertTrue(html.contains("el.className === '" + FigureHtml.SPEC_CLASS + "' ? JSON.parse(el.textContent) : null;"));
        assertTrue(html.contains("window.Plotly.newPlot(div, spec.data, spec.layout, spec.config);"));
        assertTrue(html.contains("window.addEventListener('load', start)"), "waits for a plotly.js loaded later in the page");
        assertFalse(html.contains("cdn") || html.contains("https://"), "no CDN, no network");
        assertTrue(html.length() < SMALL_FIGURE_BYTES, "a small figure's HTML is small: " + html.length());
    }

    @Test
    void aNotebookOutputsFallbackCarriesNoJsonAndSaysWhereItIs() {
        Map<String, Object> bundle = FigureJson.bundle(simple());
        String fallback = FigureHtml.fallback(bundle);
        assertTrue(fallback.startsWith("<div class=\"gan-figure\""), fallback.substring(0, 40));
        assertFalse(fallback.contains("\"data\":") || fallback.contains("bdata"), "the JSON is carried once, as the plotly data");
        assertTrue(fallback.contains("say('" + FigureHtml.NO_SPEC_MESSAGE + ": open the notebook in JupyterLab or Notebook 7"),
                "without the JSON in front, it says where the figure is drawn");
        assertTrue(fallback.length() < 4_000, "about 3.5 KB whatever the figure: " + fallback.length());
        assertEquals(FigureHtml.SPEC_CLASS, org.rapaio.jupyter.kernel.ganpatch.LiveFigures.SPEC_CLASS,
                "the kernel patch puts the JSON in front of a live update's fallback with the same class");
        assertEquals(FigureJson.MIME, org.rapaio.jupyter.kernel.ganpatch.LiveFigures.PLOTLY_MIME);
    }

    @Test
    void withoutPlotlyTheFallbackLoadsItFromOneLocalPlaceOrSaysWhatIsMissing() {
        String html = FigureHtml.html(simple());
        assertTrue(html.contains("var rel = '" + FigureHtml.PLOTLY_ASSET + "'"), "one place, next to the notebook or page");
        assertEquals("assets/plotly-" + FigureHtml.PLOTLY_VERSION + ".js", FigureHtml.PLOTLY_ASSET, "the book keeps plotly.js at the same relative path");
        assertTrue(html.contains("base + 'files/'"), "through Jupyter's files/ URL in a notebook server");
        assertTrue(html.contains("data-notebook-path") && html.contains("jupyter-config-data"),
                "classic Notebook and JupyterLab / Notebook 7 each say where the notebook is");
        assertTrue(html.contains("w.requirejs(['gan-plotly']"), "with require.js on the page, as a module (no anonymous define)");
        assertTrue(html.contains("document.createElement('script')"));
        assertTrue(html.contains(FigureHtml.NOT_LOADED_MESSAGE + " (' + error + ')"), "a clear message when it fails");
        assertFalse(html.contains("plotly.js v2"), "plotly.js itself is never inline");
    }

    @Test
    void theScriptNeverContainsAClosingTagEarly() {
        ScatterTrace t = ScatterTrace.builder(new double[]{1}, new double[]{1}).text(new String[]{"</script><b>"})
                .mode(ScatterTrace.Mode.TEXT).name("x").build();
        String html = FigureHtml.html(new Figure(Layout.builder().title("t").build(), t));
        String json = html.substring(html.indexOf("\">") + 2, html.indexOf("</script>"));
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.lastIndexOf("</script>"));
        assertFalse(json.contains("</") || script.contains("</"), html);
        assertTrue(json.contains("\\u003c/script\\u003e"), "the text travels inside the JSON, with < escaped");
    }

    @Test
    void thePlotlyVersionIsTheOneLibPomNames() throws IOException {
        Matcher pom = Pattern.compile("<plotly.version>([^<]+)</plotly.version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find(), "lib/pom.xml names plotly.version");
        assertEquals(pom.group(1), FigureHtml.PLOTLY_VERSION, "read from the webjar the pom puts on the classpath");
        assertTrue(FigureHtml.PLOTLY_VERSION.startsWith("2."), "tablesaw's title: 'text' needs plotly 2");
    }

    @Test
    void everyRenderGetsAFreshId() {
        Figure f = simple();
        Matcher a = DIV.matcher(FigureHtml.html(f));
        Matcher b = DIV.matcher(FigureHtml.html(f));
        assertTrue(a.find() && b.find());
        assertNotEquals(a.group(1), b.group(1));
    }

    @Test
    void plainTablesawFiguresRenderToo() {
        Figure f = new Figure(ScatterTrace.builder(new double[]{1, 2}, new double[]{3, 4}).build());
        Matcher div = DIV.matcher(FigureHtml.html(f));
        assertTrue(div.find());
        assertEquals("width:100%;height:450px;", div.group(2), "no layout: the container's width, plotly's default height");
    }

    @Test
    void thePlotlyBlockIsTheWebjarsBundleHiddenFromRequireJs() {
        String block = FigureHtml.plotlyBlock();
        assertTrue(block.startsWith("<script class=\"gan-plotly\" data-version=\"" + FigureHtml.PLOTLY_VERSION + "\">\n"), block.substring(0, 80));
        assertTrue(block.endsWith("\n}).call(window);\n</script>\n"));
        assertTrue(block.contains("(function (define, module, exports) {\n/**\n* plotly.js v" + FigureHtml.PLOTLY_VERSION + "\n"),
                "the UMD header sees define, module and exports undefined, so it sets root.Plotly");
        assertEquals(1, count(block, "</"), "the only </ is the closing </script>");
        assertTrue(block.length() > 10_000_000, "the full bundle: " + block.length());
        assertEquals(FigureHtml.plotlyJs().length() + count(FigureHtml.plotlyJs(), "</"),
                block.length() - block.indexOf("/**\n* plotly.js") - "\n}).call(window);\n</script>\n".length(),
                "every </ became <\\/, nothing else changed");
    }

    @Test
    void aPageHoldsPlotlyOnceAndEveryFigure(@TempDir Path dir) throws IOException {
        List<Figure> figures = List.of(simple(), simple(), simple());
        Path file = dir.resolve("sub/page.html");
        FigureHtml.writePage(file, "Three <plots>", figures);
        String page = Files.readString(file);
        assertEquals(1, count(page, "class=\"gan-plotly\""));
        assertEquals(3, count(page, "class=\"gan-figure\""));
        assertTrue(page.contains("<title>Three &lt;plots&gt;</title>"));
        assertTrue(page.indexOf("gan-plotly") < page.indexOf("gan-figure"), "plotly.js comes first, in <head>");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aTableIsAnHtmlTableWithItsFirstRows() {
        Table t = Table.create("sweep", StringColumn.create("k", "1", "2", "<3>"), DoubleColumn.create("jsd", 0.1, 0.2, 0.3));
        String html = FigureHtml.table(t, 2);
        assertTrue(html.contains("<p><b>sweep</b></p>"));
        assertTrue(html.contains("<th>k</th><th>jsd</th>"));
        assertTrue(html.contains("<tr><td>1</td><td>0.1</td></tr><tr><td>2</td><td>0.2</td></tr></tbody>"), html);
        assertTrue(html.contains("3 rows × 2 columns (first 2 shown)"));
        assertTrue(FigureHtml.table(t).contains("<td>&lt;3&gt;</td>"), "cells are escaped");
    }
}
