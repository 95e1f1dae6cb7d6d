package gan.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * Reads back the JavaScript tablesaw writes for a figure ({@code var layout = {…}; var trace0 = {…}; …}),
 * so tests can check traces, names, colours and data without a browser (as tablesaw's own MarkerTest does).
 */
final class FigureJs {
    private static final Pattern TRACE = Pattern.compile("var trace(\\d+) =\\s*\\{(.*?)\\n\\};", Pattern.DOTALL);
    private static final Pattern LAYOUT = Pattern.compile("var layout = \\{(.*?)\\n\\};", Pattern.DOTALL);

    final String js;
    final String layout;
    final List<String> traces = new ArrayList<>();

    FigureJs(Figure figure) {
        this.js = figure.asJavascript("test_div");
        Matcher m = TRACE.matcher(js);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != traces.size()) {
                throw new AssertionError("trace variables out of order: trace" + m.group(1) + " after " + traces.size() + " traces");
            }
            traces.add(m.group(2));
        }
        Matcher l = LAYOUT.matcher(js);
        this.layout = l.find() ? l.group(1) : "";
    }

    /** The {@code key: 'value'} string of trace i (tablesaw HTML-escapes it), or null. */
    String string(int trace, String key) {
        Matcher m = Pattern.compile("\\n\\s*" + key + ": '(.*?)',").matcher("\n" + traces.get(trace));
        return m.find() ? m.group(1) : null;
    }

    /** The numbers of {@code key: ["1.0","NaN",…]} in trace i. */
    double[] array(int trace, String key) {
        Matcher m = Pattern.compile("\\n" + key + ": \\[(.*?)\\],").matcher("\n" + traces.get(trace));
        if (!m.find()) {
            throw new AssertionError("trace" + trace + " has no " + key + " array:\n" + traces.get(trace));
        }
        String body = m.group(1).trim();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim().replace("\"", ""));
        }
        return out;
    }

    /** The colour of trace i's line ({@code line: {"color" : "…"}}), or null. */
    String lineColor(int trace) {
        Matcher m = Pattern.compile("\\nline: \\{\\s*\"color\" : \"(.*?)\"").matcher("\n" + traces.get(trace));
        return m.find() ? m.group(1) : null;
    }

    /** The colour of trace i's markers ({@code marker: {… color: '…'}}), or null. */
    String markerColor(int trace) {
        Matcher m = Pattern.compile("\\nmarker: \\{[^}]*?\\n\\s*color: '(.*?)'").matcher("\n" + traces.get(trace));
        return m.find() ? m.group(1) : null;
    }

    /** The layout's {@code title: '…'}. */
    String title() {
        Matcher m = Pattern.compile("^\\s*title: '(.*?)',", Pattern.MULTILINE).matcher(layout);
        return m.find() ? m.group(1) : null;
    }

    /** The title of {@code xaxis} or {@code yaxis} in the layout. */
    String axisTitle(String axis) {
        Matcher m = Pattern.compile(axis + ": \\{\\s*title: '(.*?)',", Pattern.DOTALL).matcher(layout);
        return m.find() ? m.group(1) : null;
    }
}
