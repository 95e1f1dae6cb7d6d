package gan.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gan.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure as plotly JSON, {@code {"data": [trace, …], "layout": {…}, "config": {…}}}: the
 * {@value #MIME} bundle that JupyterLab, Notebook 7 and VS Code draw with their own plotly.js, and the
 * spec that {@link FigureHtml}'s fallback passes to {@code Plotly.newPlot}. One model for both, so the
 * two always draw the same picture.
 *
 * <p>tablesaw 0.44.4 has no JSON writer, only JavaScript object literals ({@code title: 'x', width: 700,
 * x: ["1.0","NaN"]}). This class reads each literal back (the layout's and each trace's, lenient JSON:
 * unquoted names, single quotes, trailing commas, NaN), deep-merges a {@link PlotlyFigure}'s extras into
 * them exactly as its JavaScript does, and then normalises what plotly.js 3 and 4 no longer accept or what
 * should not depend on the frontend:
 * <ul>
 *   <li>{@code title: "x"} (layout, axes, colour bars) becomes {@code title: {"text": "x"}};</li>
 *   <li>numeric strings in {@code x}, {@code y}, {@code z} become numbers, and NaN or ±∞ become {@code null}
 *       (plotly's gap);</li>
 *   <li>a width over {@value #MAX_WIDTH} px becomes {@value #MAX_WIDTH} (an output area 900 px wide shows the
 *       whole figure);</li>
 *   <li>numeric arrays of {@value #PACK_MIN} or more values travel as plotly's typed-array spec
 *       ({@code {"dtype": "f4", "bdata": "…"}}, base64 float32), a third of the size of the numbers in a saved
 *       notebook;</li>
 *   <li>the category axis of a bar trace ({@code x}, or {@code y} for {@code orientation: "h"}) is
 *       {@code type: "category"} unless the layout says otherwise: tablesaw's bar plots draw one bar per group,
 *       so k = 1, 2, 5 are three bars side by side, not three bars with empty slots at 3 and 4.</li>
 * </ul>
 */
public final class FigureJson {
    /** The MIME type of a plotly figure in a Jupyter output. */
    public static final String MIME = "application/vnd.plotly.v1+json";
    /** Widest figure, in px: fits a Jupyter output area 900 px wide. */
    public static final int MAX_WIDTH = 900;

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** Numeric arrays at least this long travel as base64 float32 (see {@link #packed}). */
    static final int PACK_MIN = 16;
    private static final Pattern AXIS = Pattern.compile("[xyz]axis\\d*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|NaN|-?Infinity");

    private FigureJson() {
    }

    /**
     * The figure as a plotly JSON object: {@code data} (a list of trace objects, in drawing order),
     * {@code layout} and {@code config}, built from {@link java.util.LinkedHashMap}, {@link java.util.ArrayList},
     * {@link String}, {@link Number}, {@link Boolean} and {@code null} only (what any JSON writer takes).
     *
     * @param figure any tablesaw figure. Not modified, apart from tablesaw's own render cache.
     */
    public static Map<String, Object> bundle(Figure figure) {
        Check.notNull("figure", figure);
        Layout layout = figure.getLayout();
        Map<String, Object> layoutJson = layout == null ? new LinkedHashMap<>() : object(literal(layout.asJavascript(), "layout"));
        Trace[] traces = figure.getTraces();
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < traces.length; i++) {
            data.add(object(literal(traces[i].asJavascript(i), "trace " + i)));
        }
        if (figure instanceof PlotlyFigure p) {
            merge(layoutJson, copy(p.layoutExtras()));
            for (int i = 0; i < traces.length; i++) {
                merge(object(data.get(i)), copy(p.traceExtras(i)));
            }
        }
        normalise(layoutJson, data);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("displaylogo", false); // the logo links to plotly.com
        config.put("responsive", true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("layout", layoutJson);
        out.put("config", config);
        return out;
    }

    /** {@link #bundle} as JSON text (safe inside an HTML {@code <script>}: no {@code < > &}). */
    public static String json(Figure figure) {
        return Json.write(bundle(figure));
    }

    /** The figure's width in px after {@link #bundle}'s limit, or -1 if the layout sets none (it then fills its container). */
    public static int width(Map<String, Object> bundle) {
        Object w = object(bundle.get("layout")).get("width");
        return w instanceof Number n ? n.intValue() : -1;
    }

    // ---------------------------------------------------------------- reading tablesaw's literals

    /** The object literal in {@code var name = {…};}, parsed leniently. */
    private static Object literal(String js, String what) {
        int open = js.indexOf('{');
        int close = js.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new IllegalStateException("tablesaw's JavaScript for the " + what + " holds no object literal: "
                    + js.substring(0, Math.min(80, js.length())));
        }
        try {
            return LENIENT.readValue(js.substring(open, close + 1), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read tablesaw's JavaScript for the " + what + " as JSON ("
                    + e.getOriginalMessage() + "); check FigureJson against the tablesaw-jsplot version", e);
        }
    }

    /** A deep, mutable copy of extras in the same value types as the parsed literals. */
    private static Map<String, Object> copy(Map<String, Object> extras) {
        return object(literal(Json.write(extras), "extras"));
    }

    /** target ← merge(target, source): recurse into objects on both sides, otherwise replace (PlotlyFigure's rule). */
    static void merge(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Object a = target.get(e.getKey());
            if (a instanceof Map<?, ?> && e.getValue() instanceof Map<?, ?>) {
                merge(object(a), object(e.getValue()));
            } else {
                target.put(e.getKey(), e.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- normalising

    private static void normalise(Map<String, Object> layout, List<Object> data) {
        titleObject(layout);
        for (Map.Entry<String, Object> e : layout.entrySet()) {
            if (AXIS.matcher(e.getKey()).matches() && e.getValue() instanceof Map<?, ?>) {
                titleObject(object(e.getValue()));
            }
        }
        if (layout.get("width") instanceof Number w && w.doubleValue() > MAX_WIDTH) {
            layout.put("width", MAX_WIDTH);
        }
        for (Object o : data) {
            Map<String, Object> trace = object(o);
            if ("bar".equals(trace.get("type"))) {
                String axisKey = axisKey(trace, "h".equals(trace.get("orientation")) ? "y" : "x");
                Map<String, Object> axis = layout.get(axisKey) instanceof Map<?, ?> m ? object(m) : new LinkedHashMap<>();
                axis.putIfAbsent("type", "category");
                layout.put(axisKey, axis);
            }
            for (String key : List.of("x", "y", "z")) {
                boolean category = !key.equals("z") && layout.get(axisKey(trace, key)) instanceof Map<?, ?> axis
                        && "category".equals(axis.get("type"));
                if (trace.containsKey(key) && !category) { // labels on a category axis stay as written ("1e-4")
                    trace.put(key, numbers(trace.get(key)));
                }
            }
            if (trace.get("colorbar") instanceof Map<?, ?> bar) {
                titleObject(object(bar));
            }
        }
        replaceNonFinite(layout);
        for (Object o : data) {
            replaceNonFinite(o);
            Map<String, Object> trace = object(o);
            for (String key : List.of("x", "y", "z")) {
                if (trace.get(key) instanceof List<?> values) {
                    Object packed = packed(values);
                    if (packed != null) {
                        trace.put(key, packed);
                    }
                }
            }
        }
    }

    /**
     * A numeric array of at least {@value #PACK_MIN} values (or a rectangular matrix of them) as plotly's typed-array
     * spec {@code {"dtype": "f4", "bdata": base64 of little-endian float32, "shape": "rows,cols"}}, which plotly.js
     * ≥ 2.28 reads: 5.3 characters per value instead of 8 to 14 (nbformat writes each number of a JSON output on
     * its own indented line). float32 holds the {@value Plots#SIGNIFICANT_DIGITS} significant digits the figures
     * keep; null (a gap) becomes NaN. Anything else (labels, short arrays): {@code null}, left as it is.
     */
    private static Object packed(List<?> values) {
        int rows = values.size();
        int cols = -1;
        if (rows > 0 && values.get(0) instanceof List<?> first) {
            cols = first.size();
            for (Object row : values) {
                if (!(row instanceof List<?> r) || r.size() != cols) {
                    return null;
                }
            }
        }
        int n = cols < 0 ? rows : rows * cols;
        if (n < PACK_MIN) {
            return null;
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (Object row : values) {
            for (Object v : cols < 0 ? List.of(row == null ? NULL : row) : (List<?>) row) {
                if (v == null || v == NULL) {
                    buffer.putFloat(Float.NaN);
                } else if (v instanceof Number num && Math.abs(num.doubleValue()) < Float.MAX_VALUE) {
                    buffer.putFloat(num.floatValue());
                } else {
                    return null;
                }
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("dtype", "f4");
        spec.put("bdata", java.util.Base64.getEncoder().encodeToString(buffer.array()));
        if (cols >= 0) {
            spec.put("shape", rows + "," + cols);
        }
        return spec;
    }

    /** Stands for a null element inside {@link #packed} (List.of takes no null). */
    private static final Object NULL = new Object();

    /** The layout key of the trace's x or y axis: {@code xaxis: "x2"} → "xaxis2". */
    private static String axisKey(Map<String, Object> trace, String letter) {
        String ref = String.valueOf(trace.getOrDefault(letter + "axis", letter));
        return ref.charAt(0) + "axis" + ref.substring(1);
    }

    /** {@code title: "x"} → {@code title: {"text": "x"}}; {@code titlefont} → {@code title.font}. */
    private static void titleObject(Map<String, Object> owner) {
        Object t = owner.get("title");
        if (t instanceof String s) {
            Map<String, Object> title = new LinkedHashMap<>();
            title.put("text", s);
            owner.put("title", title);
        }
        Object font = owner.remove("titlefont");
        if (font != null) {
            Map<String, Object> title = owner.get("title") instanceof Map<?, ?> m ? object(m) : new LinkedHashMap<>();
            title.putIfAbsent("font", font);
            owner.put("title", title);
        }
    }

    /** An array of numeric strings (tablesaw writes double[] as {@code ["1.0","NaN"]}) as numbers; nested arrays too. */
    private static Object numbers(Object value) {
        if (!(value instanceof List<?> list)) {
            return value;
        }
        boolean allNumeric = !list.isEmpty();
        for (Object o : list) {
            if (o instanceof List<?>) {
                List<Object> out = new ArrayList<>();
                for (Object row : list) {
                    out.add(numbers(row));
                }
                return out;
            }
            if (!(o instanceof Number) && !(o == null) && !(o instanceof String s && NUMBER.matcher(s.strip()).matches())) {
                allNumeric = false;
            }
        }
        if (!allNumeric) {
            return value;
        }
        List<Object> out = new ArrayList<>();
        for (Object o : list) {
            out.add(o instanceof String s ? (Object) Double.parseDouble(s.strip()) : o);
        }
        return out;
    }

    /** NaN and ±∞ → null, in place, everywhere in value. */
    @SuppressWarnings("unchecked")
    private static Object replaceNonFinite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).replaceAll((k, v) -> replaceNonFinite(v));
        } else if (value instanceof List<?> l) {
            ((List<Object>) l).replaceAll(FigureJson::replaceNonFinite);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a JSON object, got " + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        return (Map<String, Object>) o;
    }
}
