/**
 * Plots that appear inline, offline and live.
 *
 * <ul>
 *   <li>The lecture's pictures as tablesaw {@code Figure}s, one class per family (they never open a browser):
 *       {@link gan.plot.Plots} (loss, D-output and divergence histories, live charts, named curves),
 *       {@link gan.plot.DistributionPlots} (real vs fake histograms and densities, the 2-D scatter and its panels,
 *       Q-Q plots), {@link gan.plot.TheoryPlots} (Goodfellow et al.'s figure 1, D's decision surface; the paper's
 *       2 × 2 cycle is {@link gan.plot.GoodfellowCycle}), {@link gan.plot.SweepFigures} (heatmaps over two
 *       parameters, D-loss vs JSD, grids of surfaces), {@link gan.plot.MarkedHistogram}, and for the finance
 *       notebooks {@link gan.plot.ReturnPlots} (return histograms, normal Q-Q, fans of price paths, pairs) and
 *       {@link gan.plot.FinancePlots} (series, autocorrelations, log densities). All of them build on one
 *       package-private toolkit, {@code PlotKit} (colours, layout, traces, the histogram's binning, panels,
 *       rounding and thinning). Titles, axes and legends read in Korean and English where they name a concept.</li>
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
