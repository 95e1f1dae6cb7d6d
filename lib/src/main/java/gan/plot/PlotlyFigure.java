package gan.plot;

import gan.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A tablesaw {@link Figure} that also carries plotly attributes tablesaw 0.44.4 cannot write: subplot
 * axes ({@code xaxis2}…), annotations, numeric axis ranges, legend groups, heatmap colour scales and
 * cell text. Everything else (data arrays, names, modes, lines, markers, titles) still comes from
 * tablesaw's own traces and {@link Layout}, so this is a Figure like any other for the notebook renderer.
 *
 * <p>The extras are written as JSON right after tablesaw's {@code var layout = …; var traceN = …;}
 * statements and before {@code Plotly.newPlot}, and are <em>deep-merged</em> into them:
 * <pre>
 *   layout ← merge(layout, layoutExtras)          e.g. {"xaxis": {"range": [0, 100]}} keeps xaxis.title
 *   trace_i ← merge(trace_i, traceExtras(i))      e.g. {"colorscale": [[0, "red"], [1, "blue"]]}
 * </pre>
 * where merge recurses into objects present on both sides and otherwise replaces the value.
 */
public class PlotlyFigure extends Figure {
    private static final String MERGE_FUNCTION = "var gan_merge = function merge(t, s) { for (var k in s) {"
            + " var a = t[k], b = s[k];"
            + " if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b))"
            + " { merge(a, b); } else { t[k] = b; } } return t; };";

    /** No plotly logo in the mode bar (it links to plotly.com). */
    private static final Config CONFIG = Config.builder().displayLogo(false).build();

    private final Map<String, Object> layoutExtras;
    private final List<Map<String, Object>> traceExtras;

    /**
     * A figure of {@code traces} on {@code layout}, plus extras.
     *
     * @param layout       tablesaw layout (required: the extras merge into it). Not modified.
     * @param layoutExtras plotly layout attributes deep-merged into {@code layout}; copied.
     * @param traceExtras  element i is deep-merged into trace i; may be shorter than {@code traces}
     *                     (missing or empty entries add nothing); copied.
     * @param traces       the traces, drawn in this order (later on top)
     */
    public PlotlyFigure(Layout layout, Map<String, Object> layoutExtras, List<Map<String, Object>> traceExtras,
                        Trace... traces) {
        super(Check.notNull("layout", layout), CONFIG, traces);
        Check.notNull("layoutExtras", layoutExtras);
        Check.notNull("traceExtras", traceExtras);
        Check.notNull("traces", traces);
        if (traceExtras.size() > traces.length) {
            throw new IllegalArgumentException("traceExtras has " + traceExtras.size() + " entries but the figure has only "
                    + traces.length + " traces; give at most one entry per trace");
        }
        this.layoutExtras = Collections.unmodifiableMap(new LinkedHashMap<>(layoutExtras));
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> m : traceExtras) {
            copy.add(m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m)));
        }
        this.traceExtras = Collections.unmodifiableList(copy);
        Json.write(this.layoutExtras); // fail now, not at render time, on a value JSON cannot hold
        Json.write(this.traceExtras);
    }

    /** The plotly layout attributes merged into tablesaw's layout (unmodifiable). */
    public Map<String, Object> layoutExtras() {
        return layoutExtras;
    }

    /** The plotly attributes merged into trace {@code i} (empty if none; unmodifiable). */
    public Map<String, Object> traceExtras(int i) {
        if (i < 0 || i >= getTraces().length) {
            throw new IllegalArgumentException("i must be in [0, " + (getTraces().length - 1) + "], got " + i);
        }
        return i < traceExtras.size() ? traceExtras.get(i) : Map.of();
    }

    @Override
    protected void buildContext(String divName) {
        super.buildContext(divName);
        StringBuilder js = new StringBuilder((String) getContext().get("figure"));
        js.append(MERGE_FUNCTION).append('\n');
        if (!layoutExtras.isEmpty()) {
            js.append("gan_merge(layout, ").append(Json.write(layoutExtras)).append(");\n");
        }
        for (int i = 0; i < traceExtras.size(); i++) {
            if (!traceExtras.get(i).isEmpty()) {
                js.append("gan_merge(trace").append(i).append(", ").append(Json.write(traceExtras.get(i))).append(");\n");
            }
        }
        getContext().put("figure", js.toString());
    }
}
