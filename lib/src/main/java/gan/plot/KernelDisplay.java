package gan.plot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Shows tablesaw figures and tables inline in the rapaio Java kernel. Registered in
 * {@code META-INF/services/org.rapaio.jupyter.kernel.display.spi.DisplayProvider}; the kernel loads it
 * after {@code %jars ../lib/target/gan.jar}. This is the only class of the library that uses
 * {@code org.rapaio.*} (a {@code provided} dependency), so everything else works outside the kernel.
 *
 * <p>In a notebook:
 * <pre>
 *   Plots.lossHistory(history)                          // last expression of a cell: drawn inline
 *   String chart = display(Plots.lossHistory(List.of())); // an empty chart ...
 *   updateDisplay(chart, Plots.lossHistory(history));     // ... replaced in place, e.g. every N epochs
 * </pre>
 *
 * <p>A figure's output carries three MIME types: {@value FigureJson#MIME} (the figure as plotly JSON, which
 * JupyterLab, Notebook 7 and VS Code draw with their own plotly.js, so a saved notebook's figures draw after a
 * reload however often its cells ran), {@code text/html} ({@link FigureHtml#fallback}: a div and a script that
 * draws that JSON where it is put in front of them, as the book's pages and a live update do) and {@code text/plain}. No output carries plotly.js
 * itself: with its first figure the kernel writes {@link FigureHtml#PLOTLY_ASSET} into its working folder (the
 * notebook's), where the HTML fallback finds it ({@link FigureHtml#writePlotlyAsset}); if that folder cannot be
 * written, the figures still draw wherever the plotly JSON is drawn, and the fallback says what is missing.
 */
public final class KernelDisplay implements DisplayProvider {
    /** Whether a provider of this JVM wrote plotly.js (the kernel makes a new provider each time it reloads them). */
    private static final AtomicBoolean ASSET_WRITTEN = new AtomicBoolean();

    private final Consumer<String> writeAsset;
    private final AtomicBoolean assetWritten;

    /**
     * The provider the kernel instantiates: writes {@link FigureHtml#PLOTLY_ASSET} into the working folder with
     * the first figure. Also quietens SLF4J's "No SLF4J providers were found" notice (tablesaw's template engine
     * logs through SLF4J and the library ships no logger), which the kernel would otherwise print into the first
     * figure's cell, unless {@code slf4j.internal.verbosity} is already set.
     */
    public KernelDisplay() {
        this(folder -> {
            try {
                FigureHtml.writePlotlyAsset(Path.of(folder));
            } catch (RuntimeException e) { // the plotly JSON still draws; the HTML fallback names the missing file
                System.err.println("gan.plot: " + e.getMessage() + "; figures draw from their plotly JSON only");
            }
        }, ASSET_WRITTEN);
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /**
     * For tests: {@code writeAsset} receives the folder (".") instead of writing plotly.js there, once for this
     * provider (not once for the JVM).
     */
    KernelDisplay(Consumer<String> writeAsset) {
        this(writeAsset, new AtomicBoolean());
    }

    private KernelDisplay(Consumer<String> writeAsset, AtomicBoolean assetWritten) {
        this.writeAsset = writeAsset;
        this.assetWritten = assetWritten;
    }

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new FigureRenderer(), new TableRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    private static boolean html(String mime) {
        return mime == null || mime.isBlank() || mime.equals("text/html");
    }

    /** A Figure (or any subclass) as plotly JSON, text/html and text/plain; the first one in the JVM writes plotly.js. */
    private final class FigureRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return Figure.class;
        }

        @Override
        public boolean canRender(String mime) {
            return html(mime) || FigureJson.MIME.equals(mime);
        }

        @Override
        public DisplayData render(String mime, Object o) {
            Figure figure = (Figure) o;
            Map<String, Object> bundle = FigureJson.bundle(figure); // fails before anything is written
            String html = FigureHtml.fallback(bundle); // the JSON once: in the plotly data, not again in the HTML
            if (assetWritten.compareAndSet(false, true)) {
                writeAsset.accept(".");
            }
            DisplayData data = DisplayData.fromHtml(html);
            data.putData(FigureJson.MIME, bundle);
            String title = figure.getLayout() == null ? "" : figure.getLayout().getTitle();
            data.putText("[plotly figure" + (title == null || title.isBlank() ? "" : ": " + title) + "]"); // for text-only frontends
            return data;
        }
    }

    /** A tablesaw Table as an HTML table (first {@value FigureHtml#TABLE_ROWS} rows). */
    private static final class TableRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return Table.class;
        }

        @Override
        public boolean canRender(String mime) {
            return html(mime);
        }

        @Override
        public DisplayData render(String mime, Object o) {
            DisplayData data = DisplayData.fromHtml(FigureHtml.table((Table) o));
            data.putText(((Table) o).shape());
            return data;
        }
    }
}
