package gan.plot;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A minimal JSON writer for the plotly attributes that tablesaw 0.44 cannot express (see
 * {@link PlotlyFigure}). Values may be {@code null}, {@link Boolean}, {@link Number}, {@link String},
 * {@code double[]}, {@code double[][]}, {@link List} and {@link Map} with string keys.
 *
 * <p>Numbers: integral values print without a fraction, others as {@link Double#toString}; NaN and
 * infinities print as {@code null} (plotly's "no value"). Strings escape {@code < > &} as
 * {@code \u003c \u003e \u0026}, so the output can sit inside an HTML {@code <script>} element.
 */
final class Json {
    private Json() {
    }

    /** The JSON text of {@code value}. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue(), out);
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value instanceof double[] a) {
            array(a.length, i -> number(a[i], out), out);
        } else if (value instanceof double[][] m) {
            array(m.length, i -> write(m[i], out), out);
        } else if (value instanceof List<?> list) {
            array(list.size(), i -> write(list.get(i), out), out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(key, out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName()
                    + " as JSON; allowed: null, Boolean, Number, String, double[], double[][], List, Map");
        }
    }

    /** [e(0),e(1),…,e(n − 1)]: {@code element} writes element i into out. */
    private static void array(int n, IntConsumer element, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            element.accept(i);
        }
        out.append(']');
    }

    private static void number(double v, StringBuilder out) {
        if (!Double.isFinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
