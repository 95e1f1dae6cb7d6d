package gan.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainsPrintsTheLectureLinesAndWritesCsv() throws Exception {
        Path out = dir.resolve("samples.csv"), history = dir.resolve("history.csv"), save = dir.resolve("g.ckpt");
        Result r = run("train", "normal", "--epochs", "300", "--samples", "500", "--out", out.toString(), "--history", history.toString(),
                "--save", save.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n100) D-loss = ") && r.out().contains("\n300) D-loss = "), r.out());
        assertTrue(r.out().matches("(?s).*\\d+\\) D-loss = \\d\\.\\d{4}, G-loss = \\d\\.\\d{4}, KL = \\d+\\.\\d{4}\\n.*"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x", lines.get(0));
        assertEquals(501, lines.size());
        Double.parseDouble(lines.get(1));
        List<String> h = Files.readAllLines(history);
        assertEquals("epoch,d_loss,g_loss,mean_d_real,mean_d_fake,kl", h.get(0));
        assertEquals(4, h.size());
        assertTrue(h.get(3).startsWith("300,"), h.get(3));
        assertTrue(Files.size(save) > 0);
        assertEquals(300, gan.train.Trainer.load(save).epoch());
    }

    @Test
    void fourGaussiansReportsModeCoverageAndQuietPrintsNoProgress() throws Exception {
        Path out = dir.resolve("xy.csv");
        Result r = run("train", "four-gaussians", "--epochs", "20", "--quiet", "--out", out.toString(), "--samples", "100");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("D-loss = 1") && r.out().contains(") D-loss"), r.out());
        assertTrue(r.out().contains("within 0.75 of (0, 0)"), r.out());
        assertEquals("x,y", Files.readAllLines(out).get(0));
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        String[][] bad = {{}, {"fit", "normal"}, {"train"}, {"train", "cauchy"}, {"train", "normal", "--k", "0"},
                {"train", "normal", "--lr", "abc"}, {"train", "normal", "--epochs"}, {"train", "normal", "--optimizer", "adagrad"},
                {"train", "normal", "--generator-loss", "hinge"}, {"train", "normal", "--wings", "2"}, {"train", "normal", "--batches", "1001"},
                {"train", "normal", "--seed", "1.5"}, {"train", "normal", "--d-hidden", "0"}, {"train", "normal", "--g-hidden", "4097"},
                {"train", "four-gaussians", "--d-hidden", "wide"}};
        for (String[] args : bad) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("gan: "), r.err());
        }
        // one check per value, in the configuration, with the option in front
        assertEquals("gan: --k: k must be >= 1, got 0 (see ./gan --help)", run("train", "normal", "--k", "0").err().strip());
        assertEquals("gan: --lr: learningRate must be a positive finite number, got -1.0 (see ./gan --help)",
                run("train", "normal", "--lr", "-1").err().strip());
        assertEquals("gan: --lr must be a number, got 'abc' (see ./gan --help)", run("train", "normal", "--lr", "abc").err().strip());
        assertEquals("gan: batches must be <= the number of real samples (1000), got 1001 (see ./gan --help)",
                run("train", "normal", "--batches", "1001").err().strip());
        assertTrue(run("train", "normal", "--g-hidden", "4097").err().contains("--g-hidden must be an integer from 1 to 4096, got '4097'"));
    }

    @Test
    void hiddenWidthsChangeOnlyTheHiddenLayers() {
        Result normal = run("train", "normal", "--d-hidden", "32", "--g-hidden", "16", "--epochs", "3", "--history-every", "1");
        assertEquals(0, normal.code(), normal.err());
        assertTrue(normal.out().contains("G 8-16-1 (relu, linear), D 1-32-1 (relu, sigmoid)"), normal.out());
        Result four = run("train", "four-gaussians", "--d-hidden", "4", "--epochs", "2", "--history-every", "1", "--quiet");
        assertEquals(0, four.code(), four.err());
        Result lecture = run("train", "normal", "--epochs", "3", "--history-every", "1");
        assertTrue(lecture.out().contains("G 8-4-1 (relu, linear), D 1-8-1 (relu, sigmoid)"), lecture.out());
        assertNotEquals(lecture.out().lines().filter(l -> l.startsWith("3) ")).findFirst(),
                normal.out().lines().filter(l -> l.startsWith("3) ")).findFirst(), "a wider network trains differently");
    }

    @Test
    void divergenceExitsOneAndLeavesNoFile() {
        Path out = dir.resolve("never.csv");
        Result r = run("train", "normal", "--optimizer", "sgd", "--lr", "1e12", "--epochs", "20", "--out", out.toString(), "--quiet");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("diverged in epoch"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        Result r = run("--help");
        assertEquals(0, r.code());
        for (String option : new String[] {"--epochs", "--batches", "--k", "--lr", "--optimizer", "--generator-loss", "--schedule", "--seed",
                "--samples", "--out", "--history", "--history-every", "--save", "--quiet", "--d-hidden", "--g-hidden"}) {
            assertTrue(r.out().contains("  " + option + " "), option);
        }
        assertTrue(r.out().contains("(10000 / 50000)") && r.out().contains("(1.0E-4 / 1.0E-4)"), r.out());
        assertTrue(r.out().contains("(100 / 500)"), "history cadence from GanConfig: " + r.out());
        assertTrue(r.out().contains("lecture, paper, generator_heavy (lecture / lecture)"), r.out());
        assertTrue(r.out().contains("(8 / 128)") && r.out().contains("(4 / 128)"), r.out());
        assertEquals(r.out(), run("train", "normal", "--help").out());
    }

    /** {@code ./gan config EXAMPLE}: one JSON line with the example's defaults, read from GanConfig (for the benchmarks). */
    @Test
    void configPrintsTheExampleAsOneJsonLine() {
        Result n = run("config", "normal");
        assertEquals(0, n.code(), n.err());
        assertEquals(1, n.out().strip().lines().count());
        assertEquals("{\"example\": \"normal\", \"real_samples\": 1000, \"seed\": 1, "
                + "\"generator\": {\"sizes\": [8, 4, 1], \"hidden\": \"relu\", \"output\": \"linear\"}, "
                + "\"discriminator\": {\"sizes\": [1, 8, 1], \"hidden\": \"relu\", \"output\": \"sigmoid\"}, "
                + "\"weight_init\": \"xavier-uniform\", \"bias_init\": \"xavier-uniform\", \"noise\": \"uniform\", \"noise_dim\": 8, "
                + "\"data_dim\": 1, \"k\": 2, \"schedule\": \"lecture\", \"batches\": 5, \"batch_size\": 200, \"epochs\": 10000, "
                + "\"generator_loss\": \"non-saturating\", "
                + "\"d_optimizer\": {\"kind\": \"adam\", \"lr\": 1.0E-4, \"beta1\": 0.9, \"beta2\": 0.999, \"rho\": 0.9, \"momentum\": 0.9, \"epsilon\": 1.0E-8}, "
                + "\"g_optimizer\": {\"kind\": \"adam\", \"lr\": 1.0E-4, \"beta1\": 0.9, \"beta2\": 0.999, \"rho\": 0.9, \"momentum\": 0.9, \"epsilon\": 1.0E-8}, "
                + "\"history_every\": 100, \"kl_bins\": 50}", n.out().strip());
        Result f = run("config", "four-gaussians");
        assertTrue(f.out().contains("\"weight_init\": \"orthogonal(1.4)\", \"bias_init\": \"zeros\"") && f.out().contains("\"history_every\": 500"), f.out());
        assertEquals(2, run("config").code());
        assertEquals(2, run("config", "cauchy").code());
    }
}
