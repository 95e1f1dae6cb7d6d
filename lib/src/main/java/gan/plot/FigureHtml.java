package gan.plot;

import gan.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * HTML for figures, without a kernel and without a network: what the notebook renderer
 * ({@link KernelDisplay}) sends to Jupyter, what tests inspect, and what the command line writes.
 *
 * <p>A figure is a {@code <div class="gan-figure" id="gan-fig-…">} followed by a script that draws it
 * with {@code Plotly.newPlot} if {@code window.Plotly} exists, and otherwise writes
 * "plotly.js is not loaded in this page: re-run the notebook" into the div. If the page is still
 * loading, the script waits for the {@code load} event before deciding, so a plotly.js loaded later
 * in the page (or with {@code defer}) still works. The figure never loads plotly.js itself: that is
 * {@link #plotlyBlock()}, included once per page (by {@link #page}) or once per kernel (by
 * {@link KernelDisplay}).
 *
 * <p>No CDN anywhere: plotly.js {@value #PLOTLY_VERSION} is read from the
 * {@code org.webjars.npm:plotly.js-dist} webjar on the classpath.
 */
public final class FigureHtml {
    /** The bundled plotly.js version. tablesaw 0.44 writes {@code title: 'text'}, which plotly 3 drops: stay on 2.x. */
    public static final String PLOTLY_VERSION = "2.35.3";
    /** Where the webjar keeps plotly.js (10.8 MB, unminified UMD bundle). */
    public static final String PLOTLY_RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + PLOTLY_VERSION + "/plotly.js";
    /** Shown inside a figure's div when the page has no plotly.js. */
    public static final String NOT_LOADED_MESSAGE = "plotly.js is not loaded in this page: re-run the notebook";

    /** Rows shown by {@link #table(Table)}. */
    public static final int TABLE_ROWS = 20;

    private static final String ID_PREFIX = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Pattern LAYOUT_WIDTH = Pattern.compile("(?m)^\\s*width: (\\d+),");
    private static final Pattern LAYOUT_HEIGHT = Pattern.compile("(?m)^\\s*height: (\\d+),");
    private static final int DEFAULT_HEIGHT = 450;

    private FigureHtml() {
    }

    /**
     * The HTML of one figure: its div and the script that draws it, with a fresh div id on every call
     * (so a figure may be rendered again, e.g. by {@code updateDisplay}). The text never contains
     * {@code </} inside the script. Does not include plotly.js.
     *
     * @param figure any tablesaw figure (a {@link PlotlyFigure} or one built with tablesaw's API). Not modified,
     *               apart from tablesaw's own render cache.
     * @throws IllegalArgumentException if a {@link HeatmapTrace} is not the first trace: tablesaw 0.44.4 writes
     *                                  every heatmap as {@code var trace0}, which would break the figure
     */
    public static String html(Figure figure) {
        Check.notNull("figure", figure);
        Trace[] traces = figure.getTraces();
        for (int i = 1; i < traces.length; i++) {
            if (traces[i] instanceof HeatmapTrace) {
                throw new IllegalArgumentException("figure has a HeatmapTrace at index " + i + "; tablesaw 0.44.4 names every "
                        + "heatmap trace0, so a heatmap must be the first trace");
            }
        }
        long n = COUNTER.incrementAndGet();
        String id = "gan-fig-" + ID_PREFIX + "-" + n;
        String jsName = "gan_fig_" + ID_PREFIX + "_" + n; // tablesaw declares var target_<name>: no hyphens
        String body = scriptBody(figure.asJavascript(jsName));
        String lookup = "document.getElementById('" + jsName + "')";
        if (!body.contains(lookup)) {
            throw new IllegalStateException("tablesaw's figure script no longer contains " + lookup + "; check FigureHtml against "
                    + "the tablesaw-jsplot version");
        }
        body = body.replace(lookup, "document.getElementById('" + id + "')").replace("</", "<\\/");

        Layout layout = figure.getLayout();
        String layoutJs = layout == null ? "" : layout.asJavascript();
        String width = find(LAYOUT_WIDTH, layoutJs, null);
        String height = find(LAYOUT_HEIGHT, layoutJs, Integer.toString(DEFAULT_HEIGHT));
        String style = (width == null ? "width:100%;" : "width:" + width + "px;max-width:100%;") + "height:" + height + "px;";

        return "<div class=\"gan-figure\" id=\"" + id + "\" style=\"" + style + "\">"
                + "<p style=\"color:#888;font:13px sans-serif\">(a plotly figure: it needs JavaScript and plotly.js)</p></div>\n"
                + "<script>\n"
                + "(function () {\n"
                + "  var div = document.getElementById('" + id + "');\n"
                + "  function draw() {\n"
                + "    if (!window.Plotly) {\n"
                + "      div.innerHTML = '<p style=\"color:#b00020;font:14px sans-serif\">" + NOT_LOADED_MESSAGE
                + " (Kernel, Restart &amp; Run All).<\\/p>';\n"
                + "      return;\n"
                + "    }\n"
                + "    div.innerHTML = '';\n"
                + "    try {\n"
                + body + "\n"
                + "    } catch (e) {\n"
                + "      div.textContent = 'plot failed: ' + e;\n"
                + "      throw e;\n"
                + "    }\n"
                + "  }\n"
                + "  if (window.Plotly || document.readyState === 'complete') { draw(); } else { window.addEventListener('load', draw); }\n"
                + "})();\n"
                + "</script>\n";
    }

    /** The plotly.js bundle as text, read from the webjar on the classpath. */
    public static String plotlyJs() {
        ClassLoader loader = FigureHtml.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(PLOTLY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PLOTLY_RESOURCE + " is not on the classpath; add org.webjars.npm:plotly.js-dist:"
                        + PLOTLY_VERSION + " (lib/target/deps/ holds it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PLOTLY_RESOURCE, e);
        }
    }

    /**
     * {@code <script class="gan-plotly" data-version="2.35.3">…</script>}: plotly.js inline, wrapped in a
     * function whose parameters {@code define, module, exports} are undefined, so that its UMD header sets
     * {@code window.Plotly} even when require.js is on the page (classic Notebook), and with every {@code </}
     * written {@code <\/}, so the text cannot close the script element early. About 10.8 MB.
     */
    public static String plotlyBlock() {
        String js = plotlyJs().replace("</", "<\\/");
        return "<script class=\"gan-plotly\" data-version=\"" + PLOTLY_VERSION + "\">\n"
                + "/* plotly.js " + PLOTLY_VERSION + " (webjar org.webjars.npm:plotly.js-dist), hidden from require.js */\n"
                + "(function (define, module, exports) {\n"
                + js
                + "\n}).call(window);\n"
                + "</script>\n";
    }

    /**
     * A complete, self-contained HTML page: plotly.js once in {@code <head>}, then each figure. Opens from
     * disk with no network.
     *
     * @param title   the page title (HTML-escaped here)
     * @param figures the figures, top to bottom. Not modified.
     */
    public static String page(String title, List<? extends Figure> figures) {
        Check.notNull("title", title);
        Check.notNull("figures", figures);
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n")
                .append(plotlyBlock())
                .append("</head>\n<body>\n<h1 style=\"font:20px sans-serif\">").append(escape(title)).append("</h1>\n");
        for (Figure f : figures) {
            out.append(html(Check.notNull("figure", f)));
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /**
     * Writes {@link #page} to {@code file} atomically (a temporary file in the same folder, then a move), so a
     * reader never sees half a page. Creates the parent folders.
     */
    public static void writePage(Path file, String title, List<? extends Figure> figures) {
        Check.notNull("file", file);
        String html = page(title, figures);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.writeString(tmp, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@link #table(Table, int)} with the first {@value #TABLE_ROWS} rows. */
    public static String table(Table table) {
        return table(table, TABLE_ROWS);
    }

    /**
     * A tablesaw table as an HTML {@code <table>}: its name, the column names and the first {@code maxRows}
     * rows, then "n rows × m columns".
     */
    public static String table(Table table, int maxRows) {
        Check.notNull("table", table);
        Check.atLeast("maxRows", maxRows, 0);
        StringBuilder out = new StringBuilder("<div class=\"gan-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            out.append("<p><b>").append(escape(table.name())).append("</b></p>");
        }
        out.append("<table><thead><tr>");
        for (String name : table.columnNames()) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        int rows = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < rows; r++) {
            out.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                out.append("<td>").append(escape(table.column(c).getString(r))).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table><p>").append(table.rowCount()).append(" rows × ").append(table.columnCount())
                .append(" columns").append(rows < table.rowCount() ? " (first " + rows + " shown)" : "").append("</p></div>");
        return out.toString();
    }

    /** Escapes {@code & < > " '} for HTML text and attributes. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text between tablesaw's {@code <script>} and {@code </script>}. */
    private static String scriptBody(String script) {
        int open = script.indexOf("<script>");
        int close = script.lastIndexOf("</script>");
        if (open < 0 || close < open) {
            throw new IllegalStateException("tablesaw's figure script is not a <script> element: "
                    + script.substring(0, Math.min(80, script.length())));
        }
        return script.substring(open + "<script>".length(), close).strip();
    }

    private static String find(Pattern p, String text, String fallback) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }
}
