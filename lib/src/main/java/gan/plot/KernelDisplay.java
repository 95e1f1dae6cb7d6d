package gan.plot;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.rapaio.jupyter.kernel.global.Global;
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
 * <p>plotly.js: the first figure rendered in a kernel JVM first publishes one extra output holding
 * {@link FigureHtml#plotlyBlock()} (10.8 MB), then its own figure; later figures carry only their div and
 * script ({@link FigureHtml#html}, a few kB). The block is a separate output, not part of the figure's,
 * so that {@code updateDisplay} on that first figure cannot remove plotly.js from the notebook. If the
 * output holding the block is later cleared (its cell re-run), the saved notebook shows
 * {@value FigureHtml#NOT_LOADED_MESSAGE} in each figure until the notebook is run again from the top.
 */
public final class KernelDisplay implements DisplayProvider {
    private static final AtomicBoolean PLOTLY_PUBLISHED = new AtomicBoolean();

    private final Consumer<String> publishHtml;

    /**
     * The provider the kernel instantiates: publishes the plotly.js block through {@code Global.display}. Also
     * quietens SLF4J's "No SLF4J providers were found" notice (tablesaw's template engine logs through SLF4J and
     * the library ships no logger), which the kernel would otherwise print into the first figure's cell, unless
     * {@code slf4j.internal.verbosity} is already set.
     */
    public KernelDisplay() {
        this(html -> Global.display(new PlotlyScript(html)));
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** For tests: {@code publishHtml} receives the plotly.js block instead of the kernel. */
    KernelDisplay(Consumer<String> publishHtml) {
        this.publishHtml = publishHtml;
    }

    /** Forgets that plotly.js was published (tests only). */
    static void resetForTests() {
        PLOTLY_PUBLISHED.set(false);
    }

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new FigureRenderer(), new TableRenderer(), new PlotlyScriptRenderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    private static boolean html(String mime) {
        return mime == null || mime.isBlank() || mime.equals("text/html");
    }

    /** A Figure (or any subclass) as text/html; the first one in the JVM publishes plotly.js first. */
    private final class FigureRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return Figure.class;
        }

        @Override
        public boolean canRender(String mime) {
            return html(mime);
        }

        @Override
        public DisplayData render(String mime, Object o) {
            Figure figure = (Figure) o;
            String html = FigureHtml.html(figure); // fails before publishing anything
            if (PLOTLY_PUBLISHED.compareAndSet(false, true)) {
                publishHtml.accept(FigureHtml.plotlyBlock());
            }
            DisplayData data = DisplayData.fromHtml(html);
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

    /** The plotly.js block, published as its own display output. */
    record PlotlyScript(String html) {
        @Override
        public String toString() {
            return "plotly.js " + FigureHtml.PLOTLY_VERSION;
        }
    }

    private static final class PlotlyScriptRenderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return PlotlyScript.class;
        }

        @Override
        public boolean canRender(String mime) {
            return html(mime);
        }

        @Override
        public DisplayData render(String mime, Object o) {
            return DisplayData.fromHtml(((PlotlyScript) o).html());
        }
    }
}
