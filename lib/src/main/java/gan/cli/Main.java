package gan.cli;

import gan.AtomicWrite;
import gan.Rng;
import gan.data.Datasets;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import gan.stats.ModeCoverage;
import gan.train.GanConfig;
import gan.train.GeneratedSamples;
import gan.train.GeneratorLoss;
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
    /** The lecture prints a progress line every 100 epochs. */
    static final int PROGRESS_EVERY = 100;
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
        try {
            o = Options.parse(args);
            if (o.help) {
                out.print(help());
                return stdoutChecked(out, err, 0);
            }
            config = o.config();
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
            code = train(o, config, out, err);
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

    private static int train(Options o, GanConfig config, PrintStream out, PrintStream err) throws IOException {
        Rng dataRng = Rng.derive(config.seed(), "data");
        double[][] real = o.example.equals("normal")
                ? column(Datasets.standardNormal(REAL_SAMPLES, dataRng))
                : Datasets.fourGaussians(REAL_SAMPLES, dataRng);
        Trainer trainer = new Trainer(config, real);
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
        int[] sizes = config.generator().sizes();
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

    private static double[][] column(double[] v) {
        double[][] r = new double[v.length][];
        for (int i = 0; i < v.length; i++) r[i] = new double[] {v[i]};
        return r;
    }

    /** Width of a network's (first) hidden layer, for the help text. */
    private static int hidden(Mlp.Spec spec) {
        return spec.sizes()[1];
    }

    static String help() {
        GanConfig n = GanConfig.normal(), f = GanConfig.fourGaussians();
        return String.join("\n",
                "usage: ./gan train normal|four-gaussians [options]",
                "",
                "Trains the lecture's example 1 (normal: 1-D standard normal data) or example 2",
                "(four-gaussians: four 2-D normals with means (0,0), (0,2), (2,0), (2,2) and std 0.5)",
                "with Goodfellow et al.'s Algorithm 1, and prints the lecture's progress line every 100 epochs.",
                "",
                "options (defaults are the lecture's: normal / four-gaussians)",
                "  --epochs N            passes over the " + REAL_SAMPLES + " real samples (" + n.epochs() + " / " + f.epochs() + ")",
                "  --batches B           mini-batches per epoch, the last takes the remainder (" + n.batches() + ")",
                "  --k K                 discriminator steps per generator step (" + n.k() + " / " + f.k() + ")",
                "  --lr LR               learning rate of both networks (" + n.dLearningRate() + ")",
                "  --optimizer NAME      adam, sgd, momentum or rmsprop (" + n.dOptimizer().cliName() + ")",
                "  --generator-loss L    non-saturating (the lecture's) or saturating (the paper's) ("
                        + n.generatorLoss().cliName() + ")",
                "  --d-hidden H          units in D's hidden layer, 1 to " + MAX_HIDDEN + " (" + hidden(n.discriminator()) + " / " + hidden(f.discriminator()) + ")",
                "  --g-hidden H          units in G's hidden layer, 1 to " + MAX_HIDDEN + " (" + hidden(n.generator()) + " / " + hidden(f.generator()) + ")",
                "  --schedule S          lecture (one step per mini-batch, D k times then G) or paper",
                "                        (a D step on every mini-batch, a G step after every k-th) (" + n.schedule().cliName() + ")",
                "  --seed S              fixes the data, the weights, the noise and the shuffles (" + n.seed() + ")",
                "  --samples M           generated samples for the summary and --out, 1 to " + MAX_SAMPLES + " (" + DEFAULT_SAMPLES + ");",
                "                        made and written " + CHUNK_DOUBLES / (1 << 20) * 8 + " MB at a time, so any M fits in the heap",
                "  --out FILE.csv        write the M generated samples (header x, or x,y)",
                "  --history FILE.csv    write the history: epoch,d_loss,g_loss,mean_d_real,mean_d_fake,kl",
                "  --history-every N     measure (and print) every N epochs (" + PROGRESS_EVERY + ")",
                "  --save FILE           save the trained GAN (networks, optimizer state) for Trainer.load",
                "  --quiet               no progress lines",
                "  --help                this text",
                "",
                "Networks: normal D 1-8-1 (relu, sigmoid), G 8-4-1 (relu, linear), Xavier-uniform init,",
                "noise U(-1,1)^8; four-gaussians G 10-128-2 and D 2-128-1 (relu), orthogonal init (gain 1.4),",
                "zero biases, noise U(-1,1)^10.",
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

    /** Parsed command line. */
    static final class Options {
        String example;
        boolean help;
        boolean quiet;
        Integer epochs, batches, k, historyEvery, dHidden, gHidden;
        Double lr;
        OptimizerKind optimizer;
        GeneratorLoss generatorLoss;
        Schedule schedule;
        Long seed;
        int samples = DEFAULT_SAMPLES;
        Path out, history, save;

        /** Every option ./gan takes (besides --help). */
        static final java.util.Set<String> OPTIONS = java.util.Set.of("--epochs", "--batches", "--k", "--history-every", "--d-hidden",
                "--g-hidden", "--samples", "--lr", "--seed", "--optimizer", "--generator-loss", "--schedule", "--out", "--history", "--save",
                "--quiet");

        /** "--out fakes.csv": how messages name an output. */
        static String label(String option, Path file) {
            return option + " " + file;
        }

        /**
         * Checks every output before training (folder exists and is writable, the target is a regular
         * file or new, the name fits) and that no two options name the same file (after links).
         */
        void checkOutputs() throws IOException {
            String[] names = {"--out", "--history", "--save"};
            Path[] paths = {out, history, save};
            Path[] targets = new Path[paths.length];
            for (int i = 0; i < paths.length; i++) {
                if (paths[i] == null) continue;
                targets[i] = AtomicWrite.check(label(names[i], paths[i]), paths[i]);
                for (int j = 0; j < i; j++) {
                    if (targets[j] != null && targets[j].equals(targets[i])) {
                        throw new IllegalArgumentException(label(names[j], paths[j]) + " and " + label(names[i], paths[i])
                                + " name the same file (" + targets[i] + "); give each output its own file");
                    }
                }
            }
        }

        static Options parse(String[] args) {
            Options o = new Options();
            if (args.length == 0) {
                throw new IllegalArgumentException("missing command: use 'train normal' or 'train four-gaussians'");
            }
            int i = 0;
            if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
                o.help = true;
                return o;
            }
            if (!args[0].equals("train")) {
                throw new IllegalArgumentException("unknown command '" + args[0] + "': the command is train");
            }
            i++;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    o.help = true;
                    return o;
                }
                if (!a.startsWith("--")) {
                    if (o.example != null) {
                        throw new IllegalArgumentException("unexpected argument '" + a + "' (the example is already " + o.example + ")");
                    }
                    if (!a.equals("normal") && !a.equals("four-gaussians")) {
                        throw new IllegalArgumentException("unknown example '" + a + "': use normal or four-gaussians");
                    }
                    o.example = a;
                    continue;
                }
                String v = null;                                   // --name=value or --name value
                int eq = a.indexOf('=');
                if (eq > 0) {
                    v = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                if (!OPTIONS.contains(a)) {
                    throw new IllegalArgumentException("unknown option " + a);
                }
                if (!seen.add(a)) {
                    throw new IllegalArgumentException(a + " is given twice; give each option once");
                }
                if (a.equals("--quiet")) {
                    if (v != null) throw new IllegalArgumentException("--quiet takes no value, got '" + v + "'");
                    o.quiet = true;
                    continue;
                }
                if (v == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    v = args[++i];
                    if (v.startsWith("--")) {
                        throw new IllegalArgumentException(a + " needs a value, got the option " + v
                                + (a.equals("--out") || a.equals("--history") || a.equals("--save") ? " (for a file of that name write " + a + "=" + v + ")" : ""));
                    }
                }
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(a + " needs a value, got an empty one");
                }
                String value = v;
                switch (a) {
                    case "--epochs" -> o.epochs = positiveInt(a, v);
                    case "--batches" -> o.batches = positiveInt(a, v);
                    case "--k" -> o.k = positiveInt(a, v);
                    case "--history-every" -> o.historyEvery = positiveInt(a, v);
                    case "--d-hidden" -> o.dHidden = intBetween(a, v, 1, MAX_HIDDEN);
                    case "--g-hidden" -> o.gHidden = intBetween(a, v, 1, MAX_HIDDEN);
                    case "--samples" -> o.samples = intBetween(a, v, 1, MAX_SAMPLES);
                    case "--lr" -> o.lr = positiveDouble(a, v);
                    case "--seed" -> o.seed = parseLong(a, v);
                    case "--optimizer" -> o.optimizer = named(a, () -> OptimizerKind.parse(value));
                    case "--generator-loss" -> o.generatorLoss = named(a, () -> GeneratorLoss.parse(value));
                    case "--schedule" -> o.schedule = named(a, () -> Schedule.parse(value));
                    case "--out" -> o.out = Path.of(v);
                    case "--history" -> o.history = Path.of(v);
                    case "--save" -> o.save = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.example == null) {
                throw new IllegalArgumentException("missing example: use 'train normal' or 'train four-gaussians'");
            }
            return o;
        }

        GanConfig config() {
            GanConfig c = example.equals("normal") ? GanConfig.normal() : GanConfig.fourGaussians();
            c = c.withHistoryEvery(historyEvery != null ? historyEvery : PROGRESS_EVERY);
            if (epochs != null) c = c.withEpochs(epochs);
            if (batches != null) {
                if (batches > REAL_SAMPLES) {
                    throw new IllegalArgumentException("--batches must be <= the " + REAL_SAMPLES + " real samples, got " + batches);
                }
                c = c.withBatches(batches);
            }
            if (k != null) c = c.withK(k);
            if (lr != null) c = c.withLearningRate(lr);
            if (optimizer != null) c = c.withOptimizer(optimizer);
            if (generatorLoss != null) c = c.withGeneratorLoss(generatorLoss);
            if (schedule != null) c = c.withSchedule(schedule);
            if (seed != null) c = c.withSeed(seed);
            if (dHidden != null) c = c.withDiscriminator(withHidden(c.discriminator(), dHidden));
            if (gHidden != null) c = c.withGenerator(withHidden(c.generator(), gHidden));
            return c;
        }

        /** The same network with every hidden layer {@code width} units wide (both examples have one). */
        private static Mlp.Spec withHidden(Mlp.Spec spec, int width) {
            int[] sizes = spec.sizes();
            for (int i = 1; i < sizes.length - 1; i++) sizes[i] = width;
            return new Mlp.Spec(sizes, spec.hidden(), spec.output());
        }

        private static <T> T named(String option, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
        }

        private static int positiveInt(String option, String v) {
            return intBetween(option, v, 1, Integer.MAX_VALUE);
        }

        private static int intBetween(String option, String v, int lo, int hi) {
            try {
                int n = Integer.parseInt(v);
                if (n >= lo && n <= hi) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            String allowed = hi == Integer.MAX_VALUE ? ">= " + lo : "from " + lo + " to " + hi;
            throw new IllegalArgumentException(option + " must be an integer " + allowed + ", got '" + v + "'");
        }

        private static double positiveDouble(String option, String v) {
            try {
                double d = Double.parseDouble(v);
                if (d > 0 && Double.isFinite(d)) return d;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive finite number, got '" + v + "'");
        }

        private static long parseLong(String option, String v) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be an integer, got '" + v + "'");
            }
        }
    }
}
