package gan.plot;

import static gan.plot.PlotKit.D_COLORSCALE;
import static gan.plot.PlotKit.FAKE_COLOR;
import static gan.plot.PlotKit.REAL_COLOR;
import static gan.plot.PlotKit.REFERENCE_COLOR;
import static gan.plot.PlotKit.SERIES_COLORS;
import static gan.plot.PlotKit.boxed;
import static gan.plot.PlotKit.checkMatrix;
import static gan.plot.PlotKit.checkPoints;
import static gan.plot.PlotKit.evenly;
import static gan.plot.PlotKit.figure;
import static gan.plot.PlotKit.layout;
import static gan.plot.PlotKit.markersAt;
import static gan.plot.PlotKit.line;
import static gan.plot.PlotKit.round;
import static gan.stats.GanTheory.LOG2;
import static gan.stats.GanTheory.LOG4;

import gan.Check;
import gan.stats.Grid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The figures of the "beyond the lecture" sweeps that compare many runs at once: a heatmap of one number over
 * two parameters (e.g. final JSD over k × learning rate), every run's final D-loss against its final JSD beside
 * the optimal-D curve, and D's decision surfaces as one grid of panels (settings × checkpoints). Conventions as in {@link Plots}: real blue, fake red, D's surface red (fake) to
 * white (½) to blue (real).
 */
public final class SweepFigures {
    /** Width of every figure here, in px (the notebooks' output area is 900 px wide). */
    public static final int WIDTH = 900;
    /** At most this many points per trace in each panel of {@link #surfaceGrid}. */
    public static final int MAX_GRID_POINTS = 250;
    /** At most this many grid points per side of each surface in {@link #surfaceGrid} (the panels are small). */
    public static final int MAX_GRID_SIDE = 60;
    /** At most this many rows (settings) and columns (checkpoints) in {@link #surfaceGrid}. */
    public static final int MAX_ROWS = 6;
    public static final int MAX_COLUMNS = 5;

    private static final int CURVE_POINTS = 101;
    private static final int ROW_PX = 175;                          // height of a row of panels
    private static final String CALLED_OUT_COLOR = "black";

    private SweepFigures() {
    }

    /**
     * A heatmap for parameter sweeps, e.g. final JSD over k × learning rate, with each cell's value written
     * in it (3 significant digits, trailing zeros dropped) and the first row at the top, as in a table.
     *
     * @param rowLabels one label per row of values (y axis), e.g. {@code {"k=1", "k=2"}}. Not modified.
     * @param colLabels one label per column of values (x axis), e.g. {@code {"1e-4", "1e-3"}}. Not modified.
     * @param values    rows × columns; NaN marks a missing cell (e.g. a diverged run) and is left blank. Not modified.
     * @param title     the figure title
     * @param rowAxis   the y axis title, e.g. "k"
     * @param colAxis   the x axis title, e.g. "learning rate"
     * @param valueName the colour bar title, e.g. "final JSD (nats)"
     */
    public static Figure heatmap(String[] rowLabels, String[] colLabels, double[][] values, String title, String rowAxis,
                                 String colAxis, String valueName) {
        Check.notNull("rowLabels", rowLabels);
        Check.notNull("colLabels", colLabels);
        Check.notNull("title", title);
        Check.notNull("rowAxis", rowAxis);
        Check.notNull("colAxis", colAxis);
        Check.notNull("valueName", valueName);
        if (rowLabels.length == 0 || colLabels.length == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column, got " + rowLabels.length
                    + " row labels and " + colLabels.length + " column labels");
        }
        checkMatrix("values", values, rowLabels.length, colLabels.length);
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                if (Double.isInfinite(values[r][c])) {
                    throw new IllegalArgumentException("values[" + r + "][" + c + "] must be finite or NaN (missing), got " + values[r][c]);
                }
            }
        }
        HeatmapTrace map = HeatmapTrace.builder(colLabels.clone(), rowLabels.clone(), round(values)).build();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("name", valueName);
        extras.put("colorscale", "Viridis");
        extras.put("colorbar", Map.of("title", Map.of("text", valueName)));
        extras.put("texttemplate", "%{z:.3~g}");
        extras.put("hoverongaps", false);
        extras.put("hovertemplate", rowAxis + " = %{y}<br>" + colAxis + " = %{x}<br>" + valueName + " = %{z}<extra></extra>");
        int width = Math.min(FigureJson.MAX_WIDTH, Math.max(500, 200 + 90 * colLabels.length));
        int height = Math.min(900, Math.max(380, 180 + 55 * rowLabels.length));
        Layout layout = Layout.builder().title(title).width(width).height(height).showLegend(true)
                .xAxis(Axis.builder().title(colAxis).type(Axis.Type.CATEGORY).build())
                .yAxis(Axis.builder().title(rowAxis).type(Axis.Type.CATEGORY).autoRange(Axis.AutoRange.REVERSED).build())
                .build();
        return figure(layout, Map.of(), List.of(extras), map);
    }

    /**
     * Final D-loss (y) against final JSD (x) of every run, one colour per group (e.g. per learning rate), with the
     * curve the optimal D would give,
     * <pre>
     *   D-loss = log 4 − 2·JSD(p_data ‖ p_g),    0 ≤ JSD ≤ log 2,
     * </pre>
     * and the line D-loss = log 4. A run on the curve has a D as good as D*; a run above it has a D that tells the
     * samples apart worse than D* could. Runs in {@code calledOut} get a black ring and their own legend entry.
     *
     * @param groups    group name → runs, each row {JSD, D-loss}, finite (at least one group; a group may be
     *                  empty). Not modified.
     * @param calledOut rows {JSD, D-loss} to ring (may be empty), finite. Not modified.
     * @param calledOutName the legend entry of the rings, e.g. "D-loss at log 4, JSD large"
     * @param title     the figure title
     */
    public static Figure dLossVsJsd(Map<String, double[][]> groups, double[][] calledOut, String calledOutName, String title) {
        Check.notNull("groups", groups);
        Check.notNull("calledOutName", calledOutName);
        Check.notNull("title", title);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups must name at least one group of runs, e.g. Map.of(\"lr 1e-4\", rows)");
        }
        checkPoints("calledOut", calledOut);
        double jsdMax = 0;
        List<Trace> traces = new ArrayList<>();
        double[] jsd = Grid.linspace(0, LOG2, CURVE_POINTS);
        double[] curve = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            curve[i] = LOG4 - 2 * jsd[i];
        }
        traces.add(line(jsd, curve, "log 4 − 2·JSD (최적 D* / optimal D)", REFERENCE_COLOR, Line.Dash.DASH, 1.5));
        traces.add(line(new double[] {0, LOG2}, new double[] {LOG4, LOG4}, "log 4", REFERENCE_COLOR,
                Line.Dash.DOT, 1));
        int c = 0;
        for (Map.Entry<String, double[][]> e : groups.entrySet()) {
            double[][] rows = e.getValue();
            checkPoints("groups[" + e.getKey() + "]", rows);
            traces.add(markers(rows, e.getKey(), SERIES_COLORS[c++ % SERIES_COLORS.length], 8, false));
            for (double[] r : rows) jsdMax = Math.max(jsdMax, r[0]);
        }
        List<Map<String, Object>> traceExtras = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) traceExtras.add(Map.of());
        if (calledOut.length > 0) {
            traces.add(markers(calledOut, calledOutName, CALLED_OUT_COLOR, 16, true));   // open circles: see the extras
            traceExtras.add(Map.of("marker", Map.of("symbol", "circle-open", "line", Map.of("width", 2))));
        }
        // the curve reaches JSD = log 2; show only as far as the runs go (and a margin), so the runs are not squeezed
        double xHi = Math.min(LOG2, Math.max(0.05, 1.15 * jsdMax));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("xaxis", Map.of("range", List.of(-0.02 * xHi, round(xHi))));
        Layout layout = layout(title, "최종 JSD / final JSD (nats)", "최종 D-loss / final D-loss", WIDTH, 520).build();
        return figure(layout, extras, traceExtras, traces.toArray(new Trace[0]));
    }

    /**
     * One panel of {@link #surfaceGrid}: D on the grid and the fakes at one checkpoint.
     *
     * @param label the panel's caption, e.g. "epoch 2,000"
     * @param d     {@code d[j][i] = D(xs[i], ys[j])}, each in [0, 1]
     * @param fakes m × 2 fake points (may have no rows)
     */
    public record Panel(String label, double[][] d, double[][] fakes) {
    }

    /**
     * D's decision surfaces as one grid of panels: a row per setting, a column per checkpoint, every panel on the
     * same axes xs × ys with the same colour scale (one colour bar), the real points (blue) and that checkpoint's
     * fakes (red) on top, each thinned evenly to {@value #MAX_GRID_POINTS}. The figure is {@value #WIDTH} px wide.
     *
     * @param xs       increasing x1 grid, 2 to {@value #MAX_GRID_SIDE} values. Not modified.
     * @param ys       increasing x2 grid, 2 to {@value #MAX_GRID_SIDE} values. Not modified.
     * @param real     n × 2 real points, finite. Not modified.
     * @param rows     1 to {@value #MAX_ROWS} rows of 1 to {@value #MAX_COLUMNS} panels each, all rows equally
     *                 long. Not modified.
     * @param rowNames one name per row, written at its left
     * @param title    the figure title
     */
    public static Figure surfaceGrid(double[] xs, double[] ys, double[][] real, List<List<Panel>> rows, List<String> rowNames,
                                     String title) {
        Check.notNull("rows", rows);
        Check.notNull("rowNames", rowNames);
        Check.notNull("title", title);
        checkAxis("xs", xs);
        checkAxis("ys", ys);
        checkPoints("real", real);
        int nRows = rows.size();
        if (nRows == 0 || nRows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must hold 1 to " + MAX_ROWS + " rows of panels, got " + nRows);
        }
        if (rowNames.size() != nRows) {
            throw new IllegalArgumentException("rowNames must name each row: " + nRows + " rows but " + rowNames.size() + " names");
        }
        int nCols = Check.notNull("rows[0]", rows.get(0)).size();
        if (nCols == 0 || nCols > MAX_COLUMNS) {
            throw new IllegalArgumentException("each row must hold 1 to " + MAX_COLUMNS + " panels, got " + nCols + " in rows[0]");
        }
        for (int r = 0; r < nRows; r++) {
            List<Panel> row = Check.notNull("rows[" + r + "]", rows.get(r));
            if (row.size() != nCols) {
                throw new IllegalArgumentException("every row must hold " + nCols + " panels (as rows[0]), rows[" + r + "] holds " + row.size());
            }
            Check.notNull("rowNames[" + r + "]", rowNames.get(r));
            for (int c = 0; c < nCols; c++) {
                String at = "rows[" + r + "][" + c + "]";
                Panel p = Check.notNull(at, row.get(c));
                Check.notNull(at + ".label", p.label());
                checkSurface(at + ".d", p.d(), ys.length, xs.length);
                checkPoints(at + ".fakes", p.fakes());
            }
        }
        double left = 0.07, right = 0.93, gapX = 0.015, gapY = 30.0 / (ROW_PX * nRows), top = 1.0, bottom = 0.0;   // 30 px for a caption
        double w = (right - left - gapX * (nCols - 1)) / nCols;
        double h = (top - bottom - gapY * (nRows - 1)) / nRows;
        Object[] bx = boxed(round(xs));
        Object[] by = boxed(round(ys));
        List<Object> xRange = List.of(round(xs[0]), round(xs[xs.length - 1]));
        List<Object> yRange = List.of(round(ys[0]), round(ys[ys.length - 1]));
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> traceExtras = new ArrayList<>();
        Map<String, Object> layoutExtras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        for (int r = 0; r < nRows; r++) {
            for (int c = 0; c < nCols; c++) {
                int k = r * nCols + c;
                String suffix = k == 0 ? "" : Integer.toString(k + 1);
                Panel p = rows.get(r).get(c);
                boolean first = k == 0;
                traces.add(new Numbered(HeatmapTrace.builder(bx, by, round(p.d())).build()));
                Map<String, Object> surface = new LinkedHashMap<>();
                surface.put("name", "D(x)");
                surface.put("xaxis", "x" + suffix);
                surface.put("yaxis", "y" + suffix);
                surface.put("colorscale", D_COLORSCALE);
                surface.put("zmin", 0);
                surface.put("zmax", 1);
                surface.put("showscale", first);
                if (first) surface.put("colorbar", Map.of("title", Map.of("text", "D(x)"), "len", 0.5, "thickness", 12));
                surface.put("hovertemplate", "x1 = %{x}<br>x2 = %{y}<br>D = %{z:.3f}<extra></extra>");
                traceExtras.add(surface);
                traces.add(panelPoints(real, "실제 / real data", REAL_COLOR, suffix, first));
                traceExtras.add(Map.of("legendgroup", "real"));
                traces.add(panelPoints(p.fakes(), "가짜 / fake G(z)", FAKE_COLOR, suffix, first));
                traceExtras.add(Map.of("legendgroup", "fake"));
                double x0 = left + c * (w + gapX), y1 = top - r * (h + gapY);
                Map<String, Object> xa = new LinkedHashMap<>();
                xa.put("domain", List.of(round(x0), round(x0 + w)));
                xa.put("anchor", "y" + suffix);
                xa.put("range", xRange);
                xa.put("showticklabels", r == nRows - 1);
                xa.put("zeroline", false);
                Map<String, Object> ya = new LinkedHashMap<>();
                ya.put("domain", List.of(round(y1 - h), round(y1)));
                ya.put("anchor", "x" + suffix);
                ya.put("range", yRange);
                ya.put("showticklabels", c == 0);
                ya.put("zeroline", false);
                layoutExtras.put("xaxis" + suffix, xa);
                layoutExtras.put("yaxis" + suffix, ya);
                if (!p.label().isEmpty()) {
                    annotations.add(Map.of("text", p.label(), "xref", "x" + suffix + " domain", "yref", "y" + suffix + " domain",
                            "x", 0.5, "y", 1.0, "xanchor", "center", "yanchor", "bottom", "showarrow", false, "font", Map.of("size", 11)));
                }
            }
            annotations.add(Map.of("text", rowNames.get(r), "xref", "paper", "yref", "paper", "x", 0.0,
                    "y", round(top - r * (h + gapY) - h / 2), "xanchor", "right", "yanchor", "middle", "textangle", -90,
                    "showarrow", false, "font", Map.of("size", 12)));
        }
        layoutExtras.put("annotations", annotations);
        int height = 130 + ROW_PX * nRows;
        Layout layout = Layout.builder().title(title).width(WIDTH).height(height).showLegend(true)
                .margin(Margin.builder().top(80).bottom(50).left(70).right(20).build()).build();
        return figure(layout, layoutExtras, traceExtras, traces.toArray(new Trace[0]));
    }

    /**
     * tablesaw 0.44.4's HeatmapTrace names its variable {@code trace0} whatever its index, so a second heatmap would
     * overwrite the first trace; this writes the index it is given.
     */
    private record Numbered(HeatmapTrace trace) implements Trace {
        @Override
        public String asJavascript(int i) {
            return trace.asJavascript(i).replaceFirst("var trace0\\b", "var trace" + i);
        }

        @Override
        public String name() {
            return trace.name();
        }

        @Override
        public tech.tablesaw.plotly.components.HoverLabel hoverLabel() {
            return trace.hoverLabel();
        }

        @Override
        public boolean showLegend() {
            return trace.showLegend();
        }
    }

    private static ScatterTrace markers(double[][] rows, String name, String color, int size, boolean ring) {
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = rows[i][0];
            y[i] = rows[i][1];
        }
        Marker.MarkerBuilder m = Marker.builder().color(color).size(size);
        if (!ring) m.opacity(0.8);                                    // a ring's symbol goes in the trace's extras
        return ScatterTrace.builder(round(x), round(y)).name(name).mode(ScatterTrace.Mode.MARKERS).marker(m.build()).build();
    }

    private static ScatterTrace panelPoints(double[][] xy, String name, String color, String suffix, boolean legend) {
        return markersAt(xy, evenly(xy.length, MAX_GRID_POINTS)).name(name).showLegend(legend)
                .marker(Marker.builder().color(color).size(3).opacity(0.6).build())
                .xAxis("x" + suffix).yAxis("y" + suffix).build();
    }

    private static void checkAxis(String name, double[] axis) {
        Check.finiteValues(name, axis);
        if (axis.length < 2 || axis.length > MAX_GRID_SIDE) {
            throw new IllegalArgumentException(name + " must have 2 to " + MAX_GRID_SIDE + " values (the panels are small), got " + axis.length);
        }
        for (int i = 1; i < axis.length; i++) {
            if (!(axis[i] > axis[i - 1])) {
                throw new IllegalArgumentException(name + " must increase, got " + axis[i] + " after " + axis[i - 1] + " at index " + i);
            }
        }
    }

    private static void checkSurface(String name, double[][] d, int rows, int cols) {
        Check.notNull(name, d);
        if (d.length != rows) {
            throw new IllegalArgumentException(name + " has " + d.length + " rows, expected " + rows + " (one per ys value)");
        }
        for (int j = 0; j < rows; j++) {
            Check.notNull(name + "[" + j + "]", d[j]);
            if (d[j].length != cols) {
                throw new IllegalArgumentException(name + "[" + j + "] has " + d[j].length + " values, expected " + cols + " (one per xs value)");
            }
            for (int i = 0; i < cols; i++) Check.inRange(name + "[" + j + "][" + i + "]", d[j][i], 0, 1);
        }
    }
}
