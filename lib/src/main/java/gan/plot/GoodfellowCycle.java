package gan.plot;

import gan.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Goodfellow et al. (2014), figure 1, as the paper draws it: one cycle of training near convergence in a
 * 2 × 2 grid of panels (a)–(d), each with p_data (black, dotted), p_g (green), D (blue, dashed), D* (purple,
 * dash-dot) and, under the curves, the paper's lower line: the noise z on a horizontal line, the data x on a
 * second line above it, and a segment from each z to the x = G(z) it is mapped to (where the segments crowd
 * together, p_g is high). A panel may also show p_g before an update (light green), to show the fakes flowing.
 * 900 px wide.
 */
public final class GoodfellowCycle {
    /** Height of the z line and of the x line under the curves, in the density axis' units. */
    static final double Z_LINE = -0.42;
    static final double X_LINE = -0.12;
    static final String P_G_BEFORE_COLOR = "rgba(0,128,0,0.35)";
    static final String MAPPING_COLOR = "rgba(80,80,80,0.55)";
    static final int WIDTH = 900;
    static final int HEIGHT = 820;

    private GoodfellowCycle() {
    }

    /**
     * @param x        increasing grid shared by all panels, finite. Not modified.
     * @param panels   exactly 4 panels, (a) to (d), curves as long as x. Not modified.
     * @param pGBefore per panel, p_g before the panel's update on the same grid, or null; the list itself may be null. Not modified.
     * @param z        noise values for the lower line (1-D noise), finite, or null for no lower line. Not modified.
     * @param gOfZ     per panel, G(z) for each value of z (as long as z), or null; required when z is given. Not modified.
     * @param title    the figure title
     */
    public static Figure of(double[] x, List<GoodfellowPanel> panels, List<double[]> pGBefore, double[] z, List<double[]> gOfZ, String title) {
        Check.notNull("panels", panels);
        Check.notNull("title", title);
        if (panels.size() != 4) {
            throw new IllegalArgumentException("panels must hold the 4 panels (a) to (d) of the figure, got " + panels.size());
        }
        if (pGBefore != null && pGBefore.size() != 4) {
            throw new IllegalArgumentException("pGBefore must hold one entry (or null) per panel, 4, got " + pGBefore.size());
        }
        if (z != null) {
            Check.finiteValues("z", z);
            if (gOfZ == null || gOfZ.size() != 4) {
                throw new IllegalArgumentException("gOfZ must hold G(z) for each of the 4 panels when z is given, got "
                        + (gOfZ == null ? "null" : gOfZ.size() + " entries"));
            }
            for (int k = 0; k < 4; k++) {
                double[] g = Check.notNull("gOfZ[" + k + "]", gOfZ.get(k));
                Check.finiteValues("gOfZ[" + k + "]", g);
                if (g.length != z.length) {
                    throw new IllegalArgumentException("gOfZ[" + k + "] has " + g.length + " values but z has " + z.length + "; give G(z) for every z");
                }
            }
        }
        PlotKit.checkGrid("x", x);
        List<Trace> traces = new ArrayList<>();
        List<Map<String, Object>> extras = new ArrayList<>();
        Map<String, Object> layoutExtras = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        List<Object> xRange = List.of(PlotKit.round(x[0]), PlotKit.round(x[x.length - 1]));
        double lowest = z == null ? 0 : Z_LINE - 0.08;
        double top = 1;
        for (int k = 0; k < 4; k++) {
            GoodfellowPanel p = Check.notNull("panels[" + k + "]", panels.get(k));
            curveCheck("panels[" + k + "].pData", p.pData(), x.length, false);
            curveCheck("panels[" + k + "].pG", p.pG(), x.length, false);
            curveCheck("panels[" + k + "].d", p.d(), x.length, true);
            curveCheck("panels[" + k + "].dStar", p.dStar(), x.length, true);
            top = Math.max(top, Math.max(Arrays.stream(p.pData()).max().getAsDouble(), Arrays.stream(p.pG()).max().getAsDouble()));
        }
        for (int k = 0; k < 4; k++) {
            GoodfellowPanel p = panels.get(k);
            String suffix = PlotKit.axisSuffix(k);
            boolean legend = k == 0;
            traces.add(curve(x, p.pData(), TheoryPlots.P_DATA, PlotKit.P_DATA_COLOR, Line.Dash.DOT, 2, suffix, legend));
            extras.add(Map.of("legendgroup", "p_data"));
            traces.add(curve(x, p.pG(), TheoryPlots.P_G, PlotKit.P_G_COLOR, Line.Dash.SOLID, 2, suffix, legend));
            extras.add(Map.of("legendgroup", "p_g"));
            if (p.d() != null) {
                traces.add(curve(x, p.d(), TheoryPlots.D, PlotKit.D_COLOR, Line.Dash.DASH, 2, suffix, legend));
                extras.add(Map.of("legendgroup", "D"));
            }
            if (p.dStar() != null) {
                traces.add(curve(x, p.dStar(), TheoryPlots.D_STAR, PlotKit.D_STAR_COLOR, Line.Dash.DASH_DOT, 1.5, suffix, legend));
                extras.add(Map.of("legendgroup", "D*"));
            }
            layoutExtras.put("xaxis" + suffix, Map.of("range", xRange, "title", Map.of("text", "x"), "automargin", true, "zeroline", false));
            annotations.add(PlotKit.caption(PlotKit.lettered(k, 4, p.label()), suffix));
        }
        layoutExtras.put("annotations", annotations);
        for (int k = 0; k < 4; k++) {
            String suffix = PlotKit.axisSuffix(k);
            boolean legend = k == 0;
            if (pGBefore != null && pGBefore.get(k) != null) {
                double[] before = pGBefore.get(k);
                Check.finiteValues("pGBefore[" + k + "]", before);
                if (before.length != x.length) {
                    throw new IllegalArgumentException("pGBefore[" + k + "] has " + before.length + " values but the grid has " + x.length);
                }
                traces.add(curve(x, before, "p_g 갱신 전 / before the update", P_G_BEFORE_COLOR, Line.Dash.SOLID, 3, suffix, true));
                extras.add(Map.of("legendgroup", "p_g before"));
            }
            if (z != null) {
                double[] g = gOfZ.get(k);
                double[] sx = new double[3 * z.length], sy = new double[3 * z.length];
                for (int i = 0; i < z.length; i++) {
                    sx[3 * i] = z[i];
                    sy[3 * i] = Z_LINE;
                    sx[3 * i + 1] = g[i];
                    sy[3 * i + 1] = X_LINE;
                    sx[3 * i + 2] = Double.NaN;                          // a gap: plotly does not join the segments
                    sy[3 * i + 2] = Double.NaN;
                }
                traces.add(curve(sx, sy, "z → x = G(z)", MAPPING_COLOR, Line.Dash.SOLID, 1, suffix, legend));
                extras.add(Map.of("legendgroup", "mapping"));
                double lo = x[0], hi = x[x.length - 1];
                traces.add(curve(new double[] {lo, hi, Double.NaN, lo, hi}, new double[] {Z_LINE, Z_LINE, Double.NaN, X_LINE, X_LINE},
                        "z 축, x 축 / z line, x line", "black", Line.Dash.SOLID, 1, suffix, legend));
                extras.add(Map.of("legendgroup", "lines"));
            }
            layoutExtras.put("yaxis" + suffix, Map.of("range", List.of(PlotKit.round(lowest), PlotKit.round(top * 1.05))));
        }
        Layout layout = PlotKit.grid(PlotKit.layout(title, "x", TheoryPlots.DENSITY_D, WIDTH, HEIGHT).margin(PlotKit.PANEL_MARGIN),
                2, 2, 0.08, 0.16).build();
        return PlotKit.figure(layout, layoutExtras, extras, traces.toArray(new Trace[0]));
    }

    private static void curveCheck(String name, double[] y, int length, boolean probability) {
        if (y == null) {
            if (!probability) throw new IllegalArgumentException(name + " must not be null");
            return;
        }
        Check.finiteValues(name, y);
        if (y.length != length) {
            throw new IllegalArgumentException(name + " has " + y.length + " values but the grid has " + length + "; give one value per grid point");
        }
        if (probability) {
            for (int i = 0; i < y.length; i++) Check.inRange(name + "[" + i + "]", y[i], 0, 1);
        }
    }

    private static ScatterTrace curve(double[] x, double[] y, String name, String color, Line.Dash dash, double width, String suffix,
                                      boolean legend) {
        return PlotKit.panelLine(x, y, name, color, dash, width, suffix, legend);
    }
}
