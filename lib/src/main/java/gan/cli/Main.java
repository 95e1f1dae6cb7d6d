package gan.cli;

import gan.AtomicWrite;
import gan.Rng;
import gan.data.Datasets;
import gan.nn.Mlp;
import gan.stats.ModeCoverage;
import gan.stats.Samples;
import gan.train.GanConfig;
import gan.train.GeneratedSamples;
import gan.train.HistoryRow;
import gan.train.Schedule;
import gan.train.Trainer;
import gan.train.TrainingDivergedException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The command line: {@code ./gan train normal|four-gaussians [options]} trains one of the lecture's
 * examples without Jupyter, for scripted runs, sweeps and benchmarks. Exit codes: 0 done, 1 training
 * or writing failed (no output file is left), 2 bad command line.
 */
public final class Main {
    /** Real samples drawn for either example (the lecture's 1,000). */
    static final int REAL_SAMPLES = Datasets.LECTURE_SIZE;
    /** Default --samples. */
    static final int DEFAULT_SAMPLES = 10_000;
    /** Mode coverage counts fakes within this many stds of a mode's mean (the 6-6 check). */
    static final double COVERAGE_STDS = 1.5;
    /** Widest hidden layer --d-hidden and --g-hidden accept (128 is the lecture's largest). */
    static final int MAX_HIDDEN = 4096;
    /** Most --samples: they are generated and written a chunk at a time, so this bounds the time, not memory. */
    static final int MAX_SAMPLES = 100_000_000;
    /** Numbers in flight per chunk of generated samples (noise, G's layers): 2²⁰ doubles, 8 MB. */
    static final int CHUNK_DOUBLES = 1 << 20;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        GanConfig config;
        Trainer trainer;
        try {
            o = Options.parse(args);
            if (o.command == Options.Command.HELP) {
                out.print(help());
                return stdoutChecked(out, err, 0);
            }
            config = o.config();
            if (o.command == Options.Command.CONFIG) {
                out.println(ConfigJson.of(o.example, config));
                return stdoutChecked(out, err, 0);
            }
            trainer = new Trainer(config, realData(o.example, config.seed()));   // checks batches against the real samples
        } catch (IllegalArgumentException e) {
            err.println("gan: " + e.getMessage() + " (see ./gan --help)");
            return 2;
        }
        try {
            o.checkOutputs();                  // every path before a minute of training, not after
        } catch (IOException e) {
            err.println("gan: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("gan: " + e.getMessage() + " (see ./gan --help)");
            return 2;
        }
        int code;
        try {
            code = train(o, config, trainer, out, err);
        } catch (IOException e) {
            err.println("gan: " + e.getMessage());
            code = 1;
        } catch (OutOfMemoryError e) {
            err.println("gan: out of memory: this run needs more than the Java heap's " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB; raise it with GAN_JAVA_OPTS, e.g. GAN_JAVA_OPTS=-Xmx2g ./gan ..., or use narrower networks");
            code = 1;
        }
        return stdoutChecked(out, err, code);
    }

    /** {@code code}, or 1 when writing to standard output failed (a full disk, a closed pipe): the run's report is lost. */
    private static int stdoutChecked(PrintStream out, PrintStream err, int code) {
        out.flush();
        if (out.checkError()) {
            err.println("gan: standard output: write failed (full disk or closed pipe?); the run's report is incomplete");
            return code == 0 ? 1 : code;
        }
        return code;
    }

    /**
     * The example's {@value #REAL_SAMPLES} real samples, one row each, from the stream "data" of {@code seed}: what
     * {@code ./gan train} and {@link gan.bench.Bench} train on.
     */
    public static double[][] realData(String example, long seed) {
        Rng dataRng = Rng.derive(seed, "data");
        if (!example.equals("normal")) return Datasets.fourGaussians(REAL_SAMPLES, dataRng);
        return Samples.rows(Datasets.standardNormal(REAL_SAMPLES, dataRng));
    }

    private static int train(Options o, GanConfig config, Trainer trainer, PrintStream out, PrintStream err) throws IOException {
        if (!o.quiet) {
            out.println("# " + o.example + ": " + config.describe().replace("\n", "\n# "));
            trainer.onHistory(row -> out.println(row.progressLine()));
        }
        long t0 = System.nanoTime();
        List<HistoryRow> history;
        try {
            history = trainer.train();
        } catch (TrainingDivergedException e) {
            err.println("gan: " + e.getMessage() + " " + afterDivergence(o, trainer.history()));
            return 1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        GeneratedSamples samples = trainer.samples(o.samples);
        int chunk = chunk(config);
        HistoryRow last = history.get(history.size() - 1);
        out.printf(Locale.ROOT, "trained %s: %d epochs, %d steps (%d D, %d G) in %.2f s, %.1f µs per step%n", o.example, trainer.epoch(),
                trainer.steps(), trainer.discriminatorSteps(), trainer.generatorSteps(), seconds, seconds * 1e6 / trainer.steps());
        out.println("final: D-loss = " + HistoryRow.fixed4(last.dLoss()) + " (log 4 = " + HistoryRow.fixed4(Math.log(4)) + "), G-loss = "
                + HistoryRow.fixed4(last.gLoss()) + ", mean D(x) = " + HistoryRow.fixed4(last.meanDReal()) + ", mean D(G(z)) = "
                + HistoryRow.fixed4(last.meanDFake()) + ", KL = " + HistoryRow.fixed4(last.kl()));
        if (o.example.equals("normal")) {
            double[] sum = {0, 0};                       // two passes, as over an array: the mean, then the squared deviations
            samples.forEachChunk(chunk, (rows, first) -> {
                for (double[] s : rows) sum[0] += s[0];
            });
            double mean = sum[0] / o.samples;
            samples.forEachChunk(chunk, (rows, first) -> {
                for (double[] s : rows) sum[1] += (s[0] - mean) * (s[0] - mean);
            });
            out.println("generated " + o.samples + " samples: mean = " + HistoryRow.fixed4(mean) + ", std = "
                    + HistoryRow.fixed4(Math.sqrt(sum[1] / o.samples)));
        } else {
            ModeCoverage.Tally tally = new ModeCoverage.Tally(Datasets.FOUR_GAUSSIANS.means(), COVERAGE_STDS * Datasets.FOUR_GAUSSIANS.stds()[0]);
            samples.forEachChunk(chunk, (rows, first) -> tally.add(rows));
            out.println("generated " + o.samples + " samples; " + tally.result().describe());
        }
        // all files go to temporaries first and are renamed together: a failure leaves none half-done
        AtomicWrite.Batch files = new AtomicWrite.Batch();
        if (o.out != null) {
            String header = config.dataDim() == 1 ? "x" : "x,y";
            files.add(Options.label("--out", o.out), o.out, stream -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                w.write(header);
                w.write('\n');
                StringBuilder line = new StringBuilder();
                IOException[] failed = {null};
                samples.forEachChunk(chunk, (rows, first) -> {
                    if (failed[0] != null) return;
                    try {
                        for (double[] row : rows) w.write(csvLine(line, row, false));
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) throw failed[0];
                w.flush();
            });
        }
        if (o.history != null) files.add(Options.label("--history", o.history), o.history, historyCsv(history));
        if (o.save != null) files.add(Options.label("--save", o.save), o.save, trainer::save);
        files.commit();
        if (o.out != null) out.println("wrote " + o.samples + " samples to " + o.out);
        if (o.history != null) out.println("wrote " + history.size() + " history rows to " + o.history);
        if (o.save != null) out.println("saved the trained GAN to " + o.save);
        return 0;
    }

    /** After a divergence: writes --history with the rows measured so far; says what was and was not written. */
    private static String afterDivergence(Options o, List<HistoryRow> rows) {
        String skipped = (o.out != null ? " --out" : "") + (o.save != null ? " --save" : "");
        String notWritten = skipped.isEmpty() ? "" : " Not written:" + skipped + ".";
        if (o.history == null) return notWritten.strip();
        try {
            AtomicWrite.write(Options.label("--history", o.history), o.history, historyCsv(rows));
        } catch (IOException e) {
            return "The history could not be written either: " + e.getMessage() + "." + notWritten;
        }
        if (rows.isEmpty()) return "No history row was measured before the divergence; wrote the header only to " + o.history + "." + notWritten;
        return "Wrote the " + rows.size() + " history rows measured before the divergence (epochs " + rows.get(0).epoch() + " to "
                + rows.get(rows.size() - 1).epoch() + ") to " + o.history + "." + notWritten;
    }

    /** Samples per chunk: {@value #CHUNK_DOUBLES} numbers over the noise and G's layers (both outputs of each). */
    static int chunk(GanConfig config) {
        long perSample = config.noiseDim();
        int[] sizes = config.networks().generator().sizes();
        for (int i = 1; i < sizes.length; i++) perSample += 2L * sizes[i];
        return (int) Math.max(1, CHUNK_DOUBLES / perSample);
    }

    private static AtomicWrite.Body historyCsv(List<HistoryRow> history) {
        return stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write("epoch,d_loss,g_loss,mean_d_real,mean_d_fake,kl\n");
            StringBuilder line = new StringBuilder();
            for (HistoryRow h : history) {
                w.write(csvLine(line, new double[] {h.epoch(), h.dLoss(), h.gLoss(), h.meanDReal(), h.meanDFake(), h.kl()}, true));
            }
            w.flush();
        };
    }

    /** One CSV line with shortest round-trip decimals; the first value as an integer when {@code epochFirst}. */
    private static String csvLine(StringBuilder line, double[] row, boolean epochFirst) {
        line.setLength(0);
        for (int j = 0; j < row.length; j++) {
            if (j > 0) line.append(',');
            double v = row[j];
            if (j == 0 && epochFirst && v == Math.rint(v) && Math.abs(v) < 1e15) line.append((long) v);
            else line.append(v);
        }
        return line.append('\n').toString();
    }

    /** Width of a network's (first) hidden layer, for the help text. */
    private static int hidden(Mlp.Spec spec) {
        return spec.sizes()[1];
    }

    /** The help text; every default in it is read from {@link GanConfig#normal()} and {@link GanConfig#fourGaussians()}. */
    static String help() {
        GanConfig n = GanConfig.normal(), f = GanConfig.fourGaussians();
        GanConfig.Algorithm na = n.algorithm(), fa = f.algorithm();
        String schedules = String.join(", ", java.util.Arrays.stream(Schedule.values()).map(Schedule::cliName).toList());
        return String.join("\n",
                "usage: ./gan train normal|four-gaussians [options]",
                "       ./gan config normal|four-gaussians    print the example's configuration as one JSON line",
                "",
                "Trains the lecture's example 1 (normal: 1-D standard normal data) or example 2",
                "(four-gaussians: four 2-D normals with means (0,0), (0,2), (2,0), (2,2) and std 0.5)",
                "with Goodfellow et al.'s Algorithm 1, and prints a progress line at every history row.",
                "",
                "options (defaults are the lecture's: normal / four-gaussians)",
                "  --epochs N            passes over the " + REAL_SAMPLES + " real samples (" + na.epochs() + " / " + fa.epochs() + ")",
                "  --batches B           mini-batches per epoch, the last takes the remainder (" + na.batches() + " / " + fa.batches() + ")",
                "  --k K                 discriminator steps per generator step (" + na.k() + " / " + fa.k() + ")",
                "  --lr LR               learning rate of both networks (" + n.optimizers().discriminator().learningRate() + " / "
                        + f.optimizers().discriminator().learningRate() + ")",
                "  --optimizer NAME      adam, sgd, momentum or rmsprop, with its default hyperparameters ("
                        + n.optimizers().discriminator().kind().cliName() + " / " + f.optimizers().discriminator().kind().cliName() + ")",
                "  --generator-loss L    non-saturating (the lecture's) or saturating (the paper's) ("
                        + na.generatorLoss().cliName() + " / " + fa.generatorLoss().cliName() + ")",
                "  --d-hidden H          units in D's hidden layer, 1 to " + MAX_HIDDEN + " (" + hidden(n.networks().discriminator()) + " / "
                        + hidden(f.networks().discriminator()) + ")",
                "  --g-hidden H          units in G's hidden layer, 1 to " + MAX_HIDDEN + " (" + hidden(n.networks().generator()) + " / "
                        + hidden(f.networks().generator()) + ")",
                "  --schedule S          " + schedules + " (" + na.schedule().cliName() + " / " + fa.schedule().cliName() + "):",
                "                        lecture: one step per mini-batch, D k times then G; paper: a D step on every",
                "                        mini-batch, a G step after every k-th; generator_heavy: a D step on every",
                "                        mini-batch, then k G steps",
                "  --seed S              fixes the data, the weights, the noise and the shuffles (" + n.seed() + " / " + f.seed() + ")",
                "  --samples M           generated samples for the summary and --out, 1 to " + MAX_SAMPLES + " (" + DEFAULT_SAMPLES + ");",
                "                        made and written " + CHUNK_DOUBLES / (1 << 20) * 8 + " MB at a time, so any M fits in the heap",
                "  --out FILE.csv        write the M generated samples (header x, or x,y)",
                "  --history FILE.csv    write the history: epoch,d_loss,g_loss,mean_d_real,mean_d_fake,kl",
                "  --history-every N     measure (and print) every N epochs (" + n.monitoring().historyEvery() + " / "
                        + f.monitoring().historyEvery() + ")",
                "  --save FILE           save the trained GAN (networks, optimizer state) for Trainer.load",
                "  --quiet               no progress lines",
                "  --help                this text",
                "",
                "Networks: normal " + network(n) + ";",
                "four-gaussians " + network(f) + ".",
                "Options take their value as '--epochs 50' or '--epochs=50'; each option at most once.",
                "Outputs (--out, --history, --save) are checked before training: the folder must exist and be",
                "writable, the file must be new or a writable regular file (a symbolic link is followed), and",
                "no two options may name the same file. Each is written to a temporary file and renamed when",
                "all are complete; if training diverges, --history is still written with the rows up to then.",
                "",
                "Memory: the JVM runs with GAN_JAVA_OPTS (default '-XX:+UseSerialGC -Xmx256m'); for wide",
                "networks raise the heap, e.g. GAN_JAVA_OPTS=-Xmx2g ./gan train four-gaussians --g-hidden 4096.",
                "Exit codes: 0 done, 1 training diverged, out of memory, or a file or standard output could not",
                "be written (nothing is left half-written), 2 bad command line or an output that cannot be written.",
                "");
    }

    /** "D 1-8-1 (relu, sigmoid), G 8-4-1 (relu, linear), init W xavier-uniform, b xavier-uniform, noise uniform(8)". */
    private static String network(GanConfig c) {
        GanConfig.Networks nets = c.networks();
        return "D " + nets.discriminator().shape() + ", G " + nets.generator().shape() + " (hidden " + nets.generator().hidden().name().toLowerCase()
                + "), init W " + nets.weightInit() + ", b " + nets.biasInit() + ", noise " + c.algorithm().noise().cliName() + "(" + c.noiseDim() + ")";
    }
}
