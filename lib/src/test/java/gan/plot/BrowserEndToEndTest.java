package gan.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

/**
 * End to end: pages of figures, opened from disk in headless Chromium with networking off, by
 * {@code scripts/browser_check.mjs}; every plot must draw. Screenshots land in {@code build/test/browser/}.
 * Needs /usr/bin/chromium, node and playwright-core (build/npm/, which make test installs, or PLAYWRIGHT_CORE);
 * {@code -Dgan.browserTest=skip} skips it (say so when you do).
 */
class BrowserEndToEndTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    static final Path OUT = ROOT.resolve("build/test/browser");
    static final long TIMEOUT_MINUTES = 5;

    /** One of every figure, on seeded synthetic data. */
    static List<Figure> everyFigure() {
        Rng rng = new Rng(2014);
        double[] x = PlotsTest.grid(-4, 4, 161);
        List<GoodfellowPanel> panels = List.of(PlotsTest.panel("before training", x, 2), PlotsTest.panel("D trained", x, 1.2),
                PlotsTest.panel("G updated", x, 0.5), PlotsTest.panel("equilibrium", x, 0));
        double[] real = new double[1000];
        double[] fake = new double[1000];
        Arrays.setAll(real, i -> rng.nextGaussian());
        Arrays.setAll(fake, i -> 0.2 + 0.8 * rng.nextGaussian());
        double[][] real2 = new double[3000][];
        double[][] fake2 = new double[3000][];
        for (int i = 0; i < real2.length; i++) {
            real2[i] = new double[]{(i % 2 == 0 ? -2 : 2) + 0.5 * rng.nextGaussian(), 0.5 * rng.nextGaussian()};
            fake2[i] = new double[]{(i % 2 == 0 ? -2 : 2) + 0.6 * rng.nextGaussian(), 0.6 * rng.nextGaussian()};
        }
        double[] xs = PlotsTest.grid(-4, 4, 41);
        double[][] d = new double[xs.length][xs.length];
        for (int j = 0; j < xs.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                d[j][i] = 1 / (1 + Math.exp(-xs[i] * xs[j]));
            }
        }
        double[][] paths = new double[100][200];
        for (double[] p : paths) {
            double price = 100;
            for (int t = 0; t < p.length; t++) {
                price *= Math.exp(0.01 * rng.nextGaussian());
                p[t] = price;
            }
        }
        GoodfellowPanel last = panels.get(3);
        return List.of(
                Plots.lossHistory(PlotsTest.history(1001, 10)),
                Plots.lossHistory(List.of(), 10_000),
                Plots.discriminatorHistory(PlotsTest.history(1001, 10)),
                Plots.divergenceHistory(PlotsTest.history(1001, 10)),
                Plots.divergenceHistory(new int[]{0, 100, 200}, java.util.Map.of("KL", new double[]{1, 0.4, 0.1},
                        "JSD", new double[]{0.3, 0.1, Double.NaN})),
                DistributionPlots.realVsFake(real, fake, 40),
                DistributionPlots.realVsFakeDensity(x, last.pData(), panels.get(1).pG()),
                DistributionPlots.scatter(real2, fake2),
                TheoryPlots.goodfellow(x, last.pData(), last.pG(), last.d(), last.dStar(), "Goodfellow et al., figure 1 (d)"),
                TheoryPlots.goodfellow(x, panels, "Goodfellow et al., figure 1"),
                TheoryPlots.decisionSurface(xs, xs, d, real2, fake2),
                SweepFigures.heatmap(new String[]{"k = 1", "k = 2"}, new String[]{"1e-4", "1e-3", "1e-2"},
                        new double[][]{{0.01, 0.02, Double.NaN}, {0.015, 0.03, 0.4}}, "Final JSD", "k", "learning rate", "JSD (nats)"),
                DistributionPlots.qq(fake, real, "fake", "real"),
                ReturnPlots.paths(paths[0], Arrays.copyOfRange(paths, 1, paths.length), "Price paths", "price"));
    }

    @Test
    void everyFigureDrawsOfflineInHeadlessChromium() throws IOException, InterruptedException {
        Assumptions.assumeFalse("skip".equals(System.getProperty("gan.browserTest")), "browser test skipped by -Dgan.browserTest=skip");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "the browser test needs /usr/bin/chromium (apt-get install chromium); -Dgan.browserTest=skip skips it");
        List<Figure> figures = everyFigure();
        Files.createDirectories(OUT);

        // 1. A page as FigureHtml.page writes it: plotly.js once in <head>.
        Path page = OUT.resolve("figures.html");
        FigureHtml.writePage(page, "Every figure of gan.plot", figures);

        // 2. require.js is on the page (classic Notebook): plotly.js must still set window.Plotly, never call define.
        StringBuilder amd = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>"
                + "window.define = function () { throw new Error('plotly.js registered with AMD instead of setting window.Plotly'); };"
                + "window.define.amd = {};</script>\n").append(FigureHtml.plotlyBlock()).append("</head><body>\n");
        figures.subList(0, 3).forEach(f -> amd.append(FigureHtml.html(f)));
        Path amdPage = write("with-require-js.html", amd.append("</body></html>\n").toString());

        // 3. plotly.js arrives after the figures (end of the page): each figure waits for the load event.
        StringBuilder late = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        figures.subList(0, 3).forEach(f -> late.append(FigureHtml.html(f)));
        Path latePage = write("plotly-loaded-last.html", late.append(FigureHtml.plotlyBlock()).append("</body></html>\n").toString());

        // 4. No plotly.js on the page: each figure loads it, once, from the one local place next to the page.
        Path local = OUT.resolve("local");
        FigureHtml.writePlotlyAsset(local);
        StringBuilder fromAsset = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        figures.subList(0, 3).forEach(f -> fromAsset.append(FigureHtml.html(f)));
        Path assetPage = write("local/plotly-from-assets.html", fromAsset.append("</body></html>\n").toString());

        // 5. The same with require.js on the page (classic Notebook): plotly.js is loaded as a require.js module.
        Path requireJs = Path.of("/usr/share/javascript/requirejs/require.min.js");
        List<String> pages = new ArrayList<>(List.of(page.toString(), amdPage.toString(), latePage.toString(), assetPage.toString()));
        if (Files.isRegularFile(requireJs)) {
            StringBuilder withRequire = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>")
                    .append(Files.readString(requireJs).replace("</", "<\\/")).append("</script></head><body>\n");
            figures.subList(0, 3).forEach(f -> withRequire.append(FigureHtml.html(f)));
            pages.add(write("local/plotly-from-assets-with-require-js.html", withRequire.append("</body></html>\n").toString()).toString());
        }

        List<String> args = new ArrayList<>(List.of("pages", "--strict", "--out", OUT.toString()));
        args.addAll(pages);
        Result r = browserCheck(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("PASS " + page + " (" + figures.size() + " plots"), r.output);
        assertTrue(r.output.contains("PASS " + amdPage + " (3 plots"), r.output);
        assertTrue(r.output.contains("PASS " + latePage + " (3 plots"), r.output);
        for (String p : pages.subList(3, pages.size())) {
            assertTrue(r.output.contains("PASS " + p + " (3 plots"), r.output);
        }
        assertTrue(Files.size(OUT.resolve("figures.png")) > 100_000, "a full-page screenshot");
    }

    /** The checker itself: a good page passes, each broken one fails for its reason, a book with no figure fails. */
    @Test
    void theCheckerFailsBrokenPages() throws IOException, InterruptedException {
        Assumptions.assumeFalse("skip".equals(System.getProperty("gan.browserTest")), "browser test skipped by -Dgan.browserTest=skip");
        FigureHtml.writePlotlyAsset(OUT.resolve("broken"));          // broken/assets/plotly-<v>.js, as beside the book's pages
        String good = FigureHtml.html(Plots.lossHistory(PlotsTest.history(101, 10))), plotly = FigureHtml.plotlyBlock();
        String other = FigureHtml.html(Plots.discriminatorHistory(PlotsTest.history(101, 10)));
        String[][] pages = {  // page, body, what its FAIL line must say ("" for a page that must pass)
            {"good", good + other, ""},
            {"broken-figure", good + "<div class=\"gan-figure\" id=\"broken-1\"></div>", "broken-1: no svg.main-svg"},
            {"bare/no-plotly", good, FigureHtml.PLOTLY_ASSET + " did not load (net::ERR_FILE_NOT_FOUND)"},
            {"empty-plot", plotly + "<div class=\"gan-figure\" id=\"empty-1\"></div><script>Plotly.newPlot('empty-1', [], {});</script>",
                "empty-1: an empty plot, no trace drawn"},
            {"needs-network", "<script src=\"https://cdn.plot.ly/plotly-2.35.3.min.js\"></script>" + good,
                "tried the network: https://cdn.plot.ly/plotly-2.35.3.min.js"},
            {"missing-asset", good + "<img src=\"assets/nothing.png\">", "assets/nothing.png did not load"},
            {"broken-link", good + "<a href=\"nothing.html#s1\">x</a>", "a link to a missing file: file://"},
            {"inline-plotly", plotly + good, "an inline <script class=\"gan-plotly\"> (plotly.js) is in the page"}};
        List<String> args = new ArrayList<>(List.of("pages", "--book", "--out", OUT.resolve("broken").toString()));
        for (String[] page : pages) {
            Files.createDirectories(OUT.resolve("broken/" + page[0]).getParent());
            args.add(write("broken/" + page[0] + ".html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n"
                    + page[1] + "</body></html>\n").toString());
        }
        Result r = browserCheck(args.toArray(new String[0]));
        assertEquals(1, r.exit, r.output);
        for (String[] page : pages) {
            String line = r.output.lines().filter(l -> l.contains("/broken/" + page[0] + ".html")).findFirst().orElse("");
            assertTrue(page[2].isEmpty() ? line.startsWith("PASS ") : line.startsWith("FAIL ") && line.contains(page[2]), page[0] + ": " + line);
        }
        Result none = browserCheck("pages", "--out", OUT.resolve("broken").toString(),
                write("broken/no-figure.html", "<!DOCTYPE html><html><body><p>text only</p></body></html>\n").toString());
        assertEquals(1, none.exit, none.output);
        assertTrue(none.output.contains("FAIL no page has a figure"), none.output);
    }

    private static Path write(String name, String html) throws IOException {
        Path p = OUT.resolve(name);
        Files.writeString(p, html, StandardCharsets.UTF_8);
        return p;
    }

    record Result(int exit, String output) {
    }

    private static Result browserCheck(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", ROOT.resolve("scripts/browser_check.mjs").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("browser_check.mjs did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + output);
        }
        System.out.print(output);
        return new Result(p.exitValue(), output);
    }
}
