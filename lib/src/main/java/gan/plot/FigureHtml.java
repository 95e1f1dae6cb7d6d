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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * HTML for figures, without a kernel and without a network: what the notebook renderer
 * ({@link KernelDisplay}) sends to Jupyter beside the figure's {@value FigureJson#MIME} bundle, what tests
 * inspect, what the book's pages show, and what the command line writes.
 *
 * <p>A figure is its plotly JSON ({@link FigureJson}) in a {@code <script type="application/json"
 * class="gan-figure-spec">} ({@link #specElement}), then a {@code <div class="gan-figure" id="gan-fig-…">} and a
 * script that draws that JSON with {@code Plotly.newPlot} ({@link #fallback}). A notebook output carries only the
 * div and the script as its {@code text/html}, since its {@value FigureJson#MIME} data is the same JSON; the book's
 * pages and a live update put the JSON back in front. The script:
 * <ol>
 *   <li>if {@code window.Plotly} exists (the book's pages, {@link #page}), at once; if the page is still
 *       loading, it first waits for the {@code load} event, so a plotly.js later in the page still counts;</li>
 *   <li>otherwise it loads plotly.js from ONE local place, {@link #PLOTLY_ASSET} next to the notebook (or the
 *       page), which {@link KernelDisplay} writes in the kernel's working folder with its first figure: through
 *       Jupyter's {@code files/} URL in JupyterLab, Notebook 7 and the classic Notebook (with require.js when
 *       the page has it), relative to the page anywhere else. Never inline, never from a CDN;</li>
 *   <li>if that fails, it writes {@value #NOT_LOADED_MESSAGE} and what to do into the div; with no JSON in
 *       front of it, {@value #NO_SPEC_MESSAGE} and what to do.</li>
 * </ol>
 * JupyterLab, Notebook 7 and VS Code normally draw the {@value FigureJson#MIME} bundle themselves (the
 * {@code jupyterlab-plotly} extension of pip's {@code plotly}) and never run this HTML.
 *
 * <p>plotly.js ({@link #PLOTLY_VERSION}) is read from the {@code org.webjars.npm:plotly.js-dist} webjar on the
 * classpath.
 */
public final class FigureHtml {
    /**
     * The bundled plotly.js version: that of the {@code org.webjars.npm:plotly.js-dist} webjar on the classpath (read
     * from its pom.properties), so that lib/pom.xml's {@code plotly.version} is its one home; the book
     * (scripts/book.py) reads it from the same webjar. tablesaw 0.44 writes {@code title: 'text'}, which plotly 3
     * drops: stay on 2.x. {@code "missing"} without the webjar ({@link #plotlyJs} then says what to add).
     */
    public static final String PLOTLY_VERSION = webjarVersion();
    /** The webjar's own description, which names its version. */
    private static final String PLOTLY_WEBJAR_PROPERTIES = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";
    /** Where the webjar keeps plotly.js (10.8 MB, unminified UMD bundle). */
    public static final String PLOTLY_RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + PLOTLY_VERSION + "/plotly.js";
    /** The one local place a figure's fallback loads plotly.js from, relative to the notebook or page (as the book's assets). */
    public static final String PLOTLY_ASSET = "assets/plotly-" + PLOTLY_VERSION + ".js";
    /** The class of the element that carries a figure's plotly JSON for its fallback ({@link #specElement}). */
    public static final String SPEC_CLASS = "gan-figure-spec";
    /** Shown inside a figure's div when no {@link #specElement} precedes it (a notebook output's fallback alone). */
    public static final String NO_SPEC_MESSAGE = "the data of this figure is in the plotly JSON of this output"; // no quote: it goes into a JS string
    /** Shown inside a figure's div when plotly.js is neither on the page nor at {@link #PLOTLY_ASSET}. */
    public static final String NOT_LOADED_MESSAGE = "plotly.js is not loaded in this page";

    /** Rows shown by {@link #table(Table)}. */
    public static final int TABLE_ROWS = 20;

    private static final String ID_PREFIX = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int DEFAULT_HEIGHT = 450;

    /**
     * The fallback's loader, {@code ganLoadPlotly(done)}: calls {@code done(null)} once {@code window.Plotly} is
     * there, or {@code done(message)}; one load per page however many figures ask.
     */
    private static final String LOADER = """
              function plotlyUrl() {
                var rel = '%s', body = document.body, base, path = null, dir;
                if (body && body.getAttribute('data-notebook-path') !== null) {          // classic Notebook
                  base = body.getAttribute('data-base-url') || '/';
                  path = body.getAttribute('data-notebook-path');
                } else if (document.getElementById('jupyter-config-data')) {          // JupyterLab, Notebook 7
                  base = JSON.parse(document.getElementById('jupyter-config-data').textContent).baseUrl || '/';
                  var here = decodeURIComponent(location.pathname);
                  if (here.indexOf(base) === 0) { here = here.slice(base.length); }
                  var m = /^(?:lab[/]tree|lab[/]workspaces[/][^/]+[/]tree|doc[/]tree|notebooks|doc)[/](.*)$/.exec(here);
                  path = m ? m[1] : '';
                } else {
                  return rel;                                                          // a page opened from disk
                }
                dir = path.lastIndexOf('/') >= 0 ? path.slice(0, path.lastIndexOf('/') + 1) : '';
                return base + 'files/' + (dir + rel).split('/').map(encodeURIComponent).join('/');
              }
              function ganLoadPlotly(done) {
                var w = window;
                if (w.Plotly) { done(null); return; }
                if (w.__ganPlotly) { w.__ganPlotly.push(done); return; }
                var waiting = w.__ganPlotly = [done], url = plotlyUrl();
                function finish(error) {
                  w.__ganPlotly = null;
                  if (!error && !w.Plotly) { error = url + ' loaded but set no window.Plotly'; }
                  waiting.forEach(function (f) { f(error); });
                }
                if (typeof w.requirejs === 'function' && w.define && w.define.amd) {        // require.js: load it as a module
                  w.requirejs.config({paths: {'gan-plotly': url.replace(/[.]js$/, '')}});
                  w.requirejs(['gan-plotly'], function (p) { w.Plotly = w.Plotly || p; finish(null); },
                              function (e) { w.requirejs.undef('gan-plotly'); finish('cannot load ' + url); });
                } else {
                  var s = document.createElement('script');
                  s.src = url;
                  s.onload = function () { finish(null); };
                  s.onerror = function () { finish('cannot load ' + url); };
                  document.head.appendChild(s);
                }
              }
            """.formatted(PLOTLY_ASSET);

    private FigureHtml() {
    }

    private static String webjarVersion() {
        try (InputStream in = FigureHtml.class.getClassLoader().getResourceAsStream(PLOTLY_WEBJAR_PROPERTIES)) {
            if (in == null) {
                return "missing";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PLOTLY_WEBJAR_PROPERTIES, e);
        }
    }

    /**
     * The HTML of one figure, self-contained: its plotly JSON ({@link #specElement}) followed by its
     * {@link #fallback}, with a fresh div id on every call (so a figure may be rendered again, e.g. by
     * {@code updateDisplay}). The text never contains {@code </} inside a script, nor plotly.js itself.
     *
     * @param figure any tablesaw figure (a {@link PlotlyFigure} or one built with tablesaw's API). Not modified,
     *               apart from tablesaw's own render cache.
     */
    public static String html(Figure figure) {
        Check.notNull("figure", figure);
        return html(FigureJson.bundle(figure));
    }

    /** {@link #html(Figure)} of a figure already turned into its {@link FigureJson#bundle}. Not modified. */
    static String html(Map<String, Object> bundle) {
        return specElement(bundle) + fallback(bundle);
    }

    /**
     * {@code <script type="application/json" class="gan-figure-spec">…</script>}: the figure's plotly JSON where
     * its {@link #fallback} finds it, right before the fallback's div. A notebook output does not carry it (its
     * {@value FigureJson#MIME} data is the same JSON); the book's pages (scripts/book.py) and a live update in
     * JupyterLab or Notebook 7 (the kernel patch's LiveFigures) put it back in front of the fallback.
     */
    static String specElement(Map<String, Object> bundle) {
        return "<script type=\"application/json\" class=\"" + SPEC_CLASS + "\">" + Json.write(bundle) + "</script>\n"; // Json escapes < > &
    }

    /**
     * The HTML fallback of a figure without its JSON: a div and the script that draws it (see the class comment)
     * from the {@link #specElement} right before the div; without one it writes {@value #NO_SPEC_MESSAGE} and what
     * to do into the div. What a notebook output carries as {@code text/html} beside the {@value FigureJson#MIME}
     * data (the same JSON is not carried twice).
     */
    static String fallback(Map<String, Object> bundle) {
        String id = "gan-fig-" + ID_PREFIX + "-" + COUNTER.incrementAndGet();
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) bundle.get("layout");
        int width = FigureJson.width(bundle);
        Object height = layout.get("height") instanceof Number h ? h.intValue() : DEFAULT_HEIGHT;
        String style = (width < 0 ? "width:100%;" : "width:" + width + "px;max-width:100%;") + "height:" + height + "px;";
        return "<div class=\"gan-figure\" id=\"" + id + "\" style=\"" + style + "\">"
                + "<p style=\"color:#888;font:13px sans-serif\">(a plotly figure: it needs JavaScript and plotly.js)</p></div>\n"
                + "<script>\n"
                + "(function () {\n"
                + "  var div = document.getElementById('" + id + "'), el = div.previousElementSibling;\n"
                + "  var spec = el && el.className === '" + SPEC_CLASS + "' ? JSON.parse(el.textContent) : null;\n"
                + LOADER
                + "  function say(text) {\n"
                + "    div.innerHTML = '<p style=\"color:#b00020;font:14px sans-serif\"><\\/p>';\n"
                + "    div.firstChild.textContent = text;\n"
                + "  }\n"
                + "  function draw() {\n"
                + "    div.innerHTML = '';\n"
                + "    try {\n"
                + "      window.Plotly.newPlot(div, spec.data, spec.layout, spec.config);\n"
                + "    } catch (e) {\n"
                + "      div.textContent = 'plot failed: ' + e;\n"
                + "      throw e;\n"
                + "    }\n"
                + "  }\n"
                + "  function start() {\n"
                + "    if (!spec) {\n"
                + "      say('" + NO_SPEC_MESSAGE + ": open the notebook in JupyterLab or Notebook 7 with pip\\'s plotly installed '\n"
                + "          + '(it draws the figure from that JSON), or read the book that make run writes.');\n"
                + "      return;\n"
                + "    }\n"
                + "    ganLoadPlotly(function (error) {\n"
                + "      if (!error) { draw(); return; }\n"
                + "      say('" + NOT_LOADED_MESSAGE + " (' + error + '). Run any figure cell in a kernel '\n"
                + "          + 'started in this notebook\\'s folder (it writes " + PLOTLY_ASSET + " there), or open the notebook '\n"
                + "          + 'in JupyterLab or Notebook 7 with pip\\'s plotly installed (it draws the figure itself).');\n"
                + "    });\n"
                + "  }\n"
                + "  if (window.Plotly || document.readyState === 'complete') { start(); } else { window.addEventListener('load', start); }\n"
                + "})();\n"
                + "</script>\n";
    }

    /** The plotly.js bundle as text, read from the webjar on the classpath. */
    public static String plotlyJs() {
        ClassLoader loader = FigureHtml.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(PLOTLY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PLOTLY_RESOURCE + " is not on the classpath; add org.webjars.npm:plotly.js-dist "
                        + "(lib/pom.xml's plotly.version; lib/target/deps/ holds it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PLOTLY_RESOURCE, e);
        }
    }

    /**
     * {@code <script class="gan-plotly" data-version="…">…</script>}: plotly.js inline, wrapped in a
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

    /**
     * Makes {@code folder}/{@link #PLOTLY_ASSET} the webjar's plotly.js, the one local place a figure's fallback
     * loads it from: writes it (atomically, through a temporary file) when it is missing or its size differs,
     * otherwise leaves it alone. Creates the folders.
     *
     * @param folder the notebook's (or page's) folder, e.g. the kernel's working folder
     * @return the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writePlotlyAsset(Path folder) {
        Check.notNull("folder", folder);
        Path file = folder.resolve(PLOTLY_ASSET);
        byte[] js = plotlyJs().getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == js.length) {
                return file;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.write(tmp, js, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
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
        return s.replace("&", "&amp;")             // first, so the entities below stay as they are
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

}
