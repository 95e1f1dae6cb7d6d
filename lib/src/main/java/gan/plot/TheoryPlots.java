package gan.plot;

import static gan.plot.PlotKit.D_COLOR;
import static gan.plot.PlotKit.D_COLORSCALE;
import static gan.plot.PlotKit.D_STAR_COLOR;
import static gan.plot.PlotKit.FAKE_COLOR;
import static gan.plot.PlotKit.PANEL_MARGIN;
import static gan.plot.PlotKit.P_DATA_COLOR;
import static gan.plot.PlotKit.P_G_COLOR;
import static gan.plot.PlotKit.REAL_COLOR;
import static gan.plot.PlotKit.WIDTH;
import static gan.plot.PlotKit.axisSuffix;
import static gan.plot.PlotKit.boxed;
import static gan.plot.PlotKit.caption;
import static gan.plot.PlotKit.checkCurve;
import static gan.plot.PlotKit.checkGrid;
import static gan.plot.PlotKit.checkMatrix;
import static gan.plot.PlotKit.checkPoints;
import static gan.plot.PlotKit.checkProbabilities;
import static gan.plot.PlotKit.figure;
import static gan.plot.PlotKit.layout;
import static gan.plot.PlotKit.lettered;
import static gan.plot.PlotKit.panelColumns;
import static gan.plot.PlotKit.panelLine;
import static gan.plot.PlotKit.points;
import static gan.plot.PlotKit.round;

import gan.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The theory figures as tablesaw {@link Figure}s: Goodfellow et al.'s figure 1 (p_data, p_g, D and the optimal
 * D*, one panel or several side by side; the paper's 2 × 2 cycle is {@link GoodfellowCycle}) and D's decision
 * surface over the plane with the real and fake points on top. Conventions as in {@link Plots}.
 */
public final class TheoryPlots {
    /** At most this many grid points per side of a decision surface (200 × 200 is already ~300 kB). */
    public static final int MAX_SURFACE_SIDE = 200;
    /** Legend names of figure 1's curves (shared with {@link GoodfellowCycle}). */
    static final String P_DATA = "p_data (데이터 / data)";
    static final String P_G = "p_g (생성자 / generator)";
    static final String D = "D(x) (판별자 / discriminator)";
    static final String D_STAR = "D*(x) = p_data / (p_data + p_g)";
    /** The y axis of figure 1. */
    static final String DENSITY_D = "밀도, D(x) / density, D(x)";
    static final String SURFACE_TITLE = "판별자 D의 결정 표면 / Decision surface of D (real blue, fake red)";

    private TheoryPlots() {
    }

    // ---------------------------------------------------------------- Goodfellow et al., figure 1

    /**
     * Goodfellow et al. (2014), figure 1, one panel: p_data (black, dotted), p_g (green, solid) and the
     * discriminator D(x) (blue, dashed) on one axis, with the optimal D*(x) = p_data / (p_data + p_g)
     * (purple, dash-dot) overlaid. At the equilibrium p_g = p_data, D = D* = 1/2.
     *
     * @param x     increasing grid, finite. Not modified.
     * @param pData p_data(x). Not modified.
     * @param pG    p_g(x). Not modified.
     * @param d     D(x), each in [0, 1], or {@code null} to leave it out. Not modified.
     * @param dStar D*(x), each in [0, 1], or {@code null} to leave it out. Not modified.
     * @param title the figure title
     */
    public static Figure goodfellow(double[] x, double[] pData, double[] pG, double[] d, double[] dStar, String title) {
        return goodfellow(x, List.of(new GoodfellowPanel("", pData, pG, d, dStar)), title);
    }

    /**
     * Goodfellow et al. (2014), figure 1, as panels (a), (b), … side by side, one per checkpoint, on shared
     * x and y ranges (so the panels compare at a glance); the legend is shared and clicking an entry
     * toggles that curve in every panel. One panel draws as {@link #goodfellow(double[], double[], double[],
     * double[], double[], String)}.
     *
     * @param x      increasing grid shared by all panels, finite. Not modified.
     * @param panels 1 to 8 panels, each with curves as long as x. Not modified.
     * @param title  the figure title
     */
    public static Figure goodfellow(double[] x, List<GoodfellowPanel> panels, String title) {
        checkGrid("x", x);
        Check.notNull("panels", panels);
        Check.notNull("title", title);
        if (panels.isEmpty() || panels.size() > 8) {
            throw new IllegalArgumentException("panels must hold 1 to 8 panels, (a) to (h), got " + panels.size());
        }
        double top = 1;
        for (int k = 0; k < panels.size(); k++) {
            GoodfellowPanel p = Check.notNull("panels[" + k + "]", panels.get(k));
            String at = "panels[" + k + "].";
            checkCurve(at + "pData", p.pData(), x.length);
            checkCurve(at + "pG", p.pG(), x.length);
            if (p.d() != null) {
                checkProbabilities(at + "d", p.d(), x.length);
            }
            if (p.dStar() != null) {
                checkProbabilities(at + "dStar", p.dStar(), x.length);
            }
            top = Math.max(top, Math.max(Arrays.stream(p.pData()).max().getAsDouble(), Arrays.stream(p.pG()).max().getAsDouble()));
        }
        List<Object> yRange = List.of(0, round(top * 1.05));
        List<Object> xRange = List.of(round(x[0]), round(x[x.length - 1]));

        int n = panels.size();
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> traceExtras = new ArrayList<>();
        Map<String, Object> layoutExtras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            GoodfellowPanel p = panels.get(k);
            String suffix = axisSuffix(k);
            boolean legend = k == 0;
            addCurve(traces, traceExtras, x, p.pData(), P_DATA, P_DATA_COLOR, Line.Dash.DOT, 2, suffix, legend);
            addCurve(traces, traceExtras, x, p.pG(), P_G, P_G_COLOR, Line.Dash.SOLID, 2, suffix, legend);
            if (p.d() != null) {
                addCurve(traces, traceExtras, x, p.d(), D, D_COLOR, Line.Dash.DASH, 2, suffix, legend);
            }
            if (p.dStar() != null) {
                addCurve(traces, traceExtras, x, p.dStar(), D_STAR, D_STAR_COLOR, Line.Dash.DASH_DOT, 1.5, suffix, legend);
            }
            layoutExtras.put("xaxis" + suffix, Map.of("range", xRange, "title", Map.of("text", "x"), "automargin", true, "zeroline", false));
            layoutExtras.put("yaxis" + suffix, Map.of("range", yRange));
            String caption = lettered(k, n, p.label());
            if (!caption.isEmpty()) {
                annotations.add(caption(caption, suffix));
            }
        }
        layoutExtras.put("annotations", annotations);
        int columns = panelColumns(n, 4);
        int rows = (n + columns - 1) / columns;
        Layout.LayoutBuilder layout = layout(title, "x", DENSITY_D, n == 1 ? WIDTH : Math.max(WIDTH, 280 * columns),
                rows == 1 ? 440 : 130 + 320 * rows)
                .margin(PANEL_MARGIN);
        if (n > 1) {
            PlotKit.grid(layout, rows, columns, 0.06, rows > 1 ? 0.2 : 0.1);
        }
        return figure(layout.build(), layoutExtras, traceExtras, traces.toArray(new Trace[0]));
    }

    private static void addCurve(List<Trace> traces, List<Map<String, Object>> extras, double[] x, double[] y, String name,
                                 String color, Line.Dash dash, double width, String axisSuffix, boolean legend) {
        traces.add(panelLine(x, y, name, color, dash, width, axisSuffix, legend));
        extras.add(Map.of("legendgroup", name));
    }

    // ---------------------------------------------------------------- D's decision surface

    /**
     * D's decision surface: D(x1, x2) over a grid of the plane as a heatmap (red where D says fake, white
     * at 1/2, blue where D says real), with the real (blue) and fake (red) points on top.
     *
     * @param xs      increasing x1 grid, 2 to {@value #MAX_SURFACE_SIDE} values. Not modified.
     * @param ys      increasing x2 grid, 2 to {@value #MAX_SURFACE_SIDE} values. Not modified.
     * @param dValues {@code dValues[j][i] = D(xs[i], ys[j])} (row j is ys[j], as plotly draws), each in [0, 1]. Not modified.
     * @param real    n × 2 real points (may have no rows). Not modified.
     * @param fake    m × 2 fake points (may have no rows). Not modified.
     */
    public static Figure decisionSurface(double[] xs, double[] ys, double[][] dValues, double[][] real, double[][] fake) {
        return decisionSurface(xs, ys, dValues, real, fake, SURFACE_TITLE);
    }

    /**
     * {@link #decisionSurface(double[], double[], double[][], double[][], double[][])} with its own title, e.g.
     * the configuration and epoch of each of several surfaces.
     */
    public static Figure decisionSurface(double[] xs, double[] ys, double[][] dValues, double[][] real, double[][] fake, String title) {
        Check.notNull("title", title);
        checkGrid("xs", xs);
        checkGrid("ys", ys);
        if (xs.length < 2 || xs.length > MAX_SURFACE_SIDE || ys.length < 2 || ys.length > MAX_SURFACE_SIDE) {
            throw new IllegalArgumentException("xs and ys must have 2 to " + MAX_SURFACE_SIDE + " values each, got "
                    + xs.length + " and " + ys.length + "; a coarser grid draws the same picture");
        }
        checkMatrix("dValues", dValues, ys.length, xs.length);
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                Check.inRange("dValues[" + j + "][" + i + "]", dValues[j][i], 0, 1);
            }
        }
        checkPoints("real", real);
        checkPoints("fake", fake);
        HeatmapTrace surface = HeatmapTrace.builder(boxed(round(xs)), boxed(round(ys)), round(dValues)).build();
        Map<String, Object> surfaceExtras = new LinkedHashMap<>();
        surfaceExtras.put("name", "D(x)");
        surfaceExtras.put("colorscale", D_COLORSCALE);
        surfaceExtras.put("zmin", 0);
        surfaceExtras.put("zmax", 1);
        surfaceExtras.put("colorbar", Map.of("title", Map.of("text", "D(x)")));
        surfaceExtras.put("hovertemplate", "x1 = %{x}<br>x2 = %{y}<br>D = %{z:.3f}<extra></extra>");
        Trace[] traces = {
            surface,
            points(real, DistributionPlots.MAX_SCATTER_POINTS, DistributionPlots.REAL, REAL_COLOR, "x", "y"),
            points(fake, DistributionPlots.MAX_SCATTER_POINTS, DistributionPlots.FAKE, FAKE_COLOR, "x", "y"),
        };
        return figure(layout(title, "x1", "x2", 650, 600).build(),
                Map.of("yaxis", Map.of("zeroline", false)), List.of(surfaceExtras), traces);
    }
}
