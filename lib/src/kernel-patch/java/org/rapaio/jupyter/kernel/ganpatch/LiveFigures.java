package org.rapaio.jupyter.kernel.ganpatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.display.DisplayData;

/**
 * Live charts in JupyterLab and Notebook 7: a figure shown with {@code display(...)} and replaced with
 * {@code updateDisplay(id, figure)} while its cell runs.
 *
 * <p><b>Why.</b> Both frontends draw a figure's {@value #PLOTLY_MIME} data with the {@code jupyterlab-plotly}
 * extension (pip's plotly 7.1.0), and both apply an {@code update_display_data} by handing the new data to the
 * renderer already on the page when the preferred MIME type stays the same (JupyterLab's
 * {@code OutputArea._setOutput}). That renderer's {@code renderModel} returns at once once it has drawn a graph
 * ("We already have a graph, don't overwrite it", {@code plotly-renderer.ts}; plotly.py issue 3053), so the chart
 * kept its first drawing however many updates the kernel sent: they did arrive during the loop.
 *
 * <p><b>What.</b> While a cell runs, an update whose data holds both {@value #PLOTLY_MIME} and {@value #HTML_MIME}
 * goes out as HTML only: the plotly JSON in a {@code <script type="application/json" class="gan-figure-spec">} in
 * front of the figure's HTML fallback ({@code gan.plot.FigureHtml}), which draws it with the plotly.js next to the
 * notebook. The frontend switches that output to its HTML renderer, which draws each update again. The whole data of
 * each figure's last update is remembered and sent once more when the cell ends ({@link #finals()}, called by
 * {@code Channels} before the cell's reply), so the output that stays, and is saved, is the same as without this
 * class: plotly JSON, HTML and text. Updates of anything else, and updates outside a cell, are sent unchanged.
 */
public final class LiveFigures {
    public static final String PLOTLY_MIME = "application/vnd.plotly.v1+json";
    public static final String HTML_MIME = "text/html";
    /**
     * The class of the element that carries a figure's plotly JSON in front of its HTML fallback (gan.plot.FigureHtml's
     * SPEC_CLASS and specElement; a notebook output's HTML does not carry the JSON, so an update sent as HTML gets it).
     */
    public static final String SPEC_CLASS = "gan-figure-spec";

    /** The kernel's one instance (the cell's thread adds, the shell thread takes at the cell's end). */
    public static final LiveFigures INSTANCE = new LiveFigures();

    /** Display id to the whole data of its last update, in the order first updated. */
    private final Map<String, DisplayData> last = new LinkedHashMap<>();

    LiveFigures() {
    }

    /**
     * What to send now for {@code update}: if it has both {@value #PLOTLY_MIME} and {@value #HTML_MIME}, a copy
     * without the first whose HTML is the plotly JSON (in a {@value #SPEC_CLASS} element) followed by the update's
     * HTML, and {@code update} is remembered for {@link #finals()}; otherwise {@code update}.
     *
     * @param update the rendered update, with its display id
     */
    public synchronized DisplayData duringCell(DisplayData update) {
        if (update == null || !update.hasDisplayId() || !update.data().containsKey(PLOTLY_MIME)
                || !update.data().containsKey(HTML_MIME)) {
            return update;
        }
        last.put(update.getDisplayId(), update);
        String json = Transform.toJson(update.data().get(PLOTLY_MIME)).replace("</", "<\\/"); // cannot end the script
        DisplayData html = DisplayData.fromText("");
        update.data().forEach((mime, value) -> {
            if (!mime.equals(PLOTLY_MIME)) {
                html.putData(mime, value);
            }
        });
        html.putData(HTML_MIME, "<script type=\"application/json\" class=\"" + SPEC_CLASS + "\">" + json + "</script>\n"
                + update.data().get(HTML_MIME));
        update.metadata().forEach(html::putMetaData);
        update.transientData().forEach(html::putTransient);
        return html;
    }

    /** The whole data of each figure's last update since the previous call, in the order first updated; then forgets them. */
    public synchronized List<DisplayData> finals() {
        List<DisplayData> out = new ArrayList<>(last.values());
        last.clear();
        return out;
    }
}
