package org.rapaio.jupyter.kernel.global;

import java.util.UUID;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.ganpatch.LiveFigures;

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's {@code Global} (the GAN tutorial's kernel patch, see
 * {@link org.rapaio.jupyter.kernel.ganpatch}): the functions a notebook calls without a prefix
 * ({@code display}, {@code updateDisplay}, ...; the kernel's init.jshell imports them statically). The same
 * public methods with the same meaning as 3.0.1's, except that {@link #updateDisplay(String, String, Object)} sends
 * a figure's update through {@link LiveFigures}, so that a live chart redraws in JupyterLab and Notebook 7.
 */
public final class Global {

    private static final Options OPTIONS = new Options();

    public static DisplaySystem displaySystem() {
        return DisplaySystem.inst();
    }

    public static Options options() {
        return OPTIONS;
    }

    public static String display(Object o) {
        return display(null, o);
    }

    public static String display(String mime, Object o) {
        DisplayData dd = render(mime, o);
        String id = UUID.randomUUID().toString();
        dd.setDisplayId(id);
        MainApp.kernel.display(dd);
        return id;
    }

    public static void updateDisplay(String id, Object o) {
        updateDisplay(id, null, o);
    }

    /**
     * Replaces the output shown with {@code id}. As 3.0.1, except that while a cell runs an update that carries
     * both plotly JSON and text/html is sent without the plotly JSON, and its whole data once more when the cell ends
     * ({@link LiveFigures}).
     */
    public static void updateDisplay(String id, String mimeType, Object o) {
        DisplayData dd = render(mimeType, o);
        dd.setDisplayId(id);
        boolean inCell = MainApp.kernel.channels() != null && MainApp.kernel.channels().hasMsgId();
        MainApp.kernel.updateDisplay(inCell ? LiveFigures.INSTANCE.duringCell(dd) : dd);
    }

    public static Object eval(String code) throws Exception {
        return MainApp.kernel.eval(code);
    }

    private static DisplayData render(String mime, Object o) {
        return mime == null || mime.trim().isEmpty() ? DisplaySystem.inst().render(o) : DisplaySystem.inst().render(mime, o);
    }
}
