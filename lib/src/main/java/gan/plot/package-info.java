/**
 * Plots that appear inline, offline and live.
 *
 * <ul>
 *   <li>{@link gan.plot.Plots}: the lecture's pictures as tablesaw {@code Figure}s (loss, D-output and divergence
 *       histories, real vs fake distributions, the 2-D scatter, Goodfellow et al.'s figure 1, D's decision surface,
 *       sweep heatmaps, Q-Q plots, fans of price paths). They never open a browser.</li>
 *   <li>{@link gan.plot.FigureJson}: a figure as plotly JSON, the {@code application/vnd.plotly.v1+json} bundle every
 *       figure output carries (JupyterLab, Notebook 7 and VS Code draw it themselves), at most 900 px wide.</li>
 *   <li>{@link gan.plot.FigureHtml}: a figure's HTML fallback ({@code <div class="gan-figure">} + a script that draws
 *       the same JSON, loading plotly.js from {@code assets/plotly-<version>.js} next to the notebook when the page has
 *       none), the plotly.js block from the webjar, and whole offline pages. No CDN anywhere.</li>
 *   <li>{@link gan.plot.KernelDisplay}: the rapaio kernel's renderer (the only class that touches
 *       {@code org.rapaio.*}); a Figure as a cell's last expression, or passed to {@code display(...)}, draws
 *       inline, and {@code updateDisplay(id, figure)} redraws it in place during training.</li>
 *   <li>{@link gan.plot.PlotlyFigure}: a tablesaw Figure plus the plotly attributes tablesaw 0.44.4 cannot write.</li>
 *   <li>{@link gan.plot.RunTable}: the final numbers of several training runs side by side, as a tablesaw {@code Table}.</li>
 * </ul>
 *
 * <p>In a notebook:
 * <pre>
 *   %jars ../lib/target/gan.jar
 *   import gan.plot.*;
 *   Plots.lossHistory(trainer.history())                       // drawn inline
 *   String chart = display(Plots.lossHistory(List.of(), EPOCHS)); // live: an empty chart first,
 *   ... row -&gt; updateDisplay(chart, Plots.lossHistory(trainer.history(), EPOCHS))   // then redrawn every N epochs
 * </pre>
 * Do not {@code import java.util.*;} in a notebook cell: the kernel already imports it, and importing it again
 * hides the kernel's {@code display} and {@code updateDisplay}.
 */
package gan.plot;
