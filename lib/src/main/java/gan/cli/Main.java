package gan.cli;

import gan.AtomicWrite;
import gan.Rng;
import gan.data.Datasets;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import gan.stats.ModeCoverage;
import gan.train.GanConfig;
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
                return 0;
            }
            config = o.config();
        } catch (IllegalArgumentException e) {
            err.println("gan: " + e.getMessage() + " (see ./gan --help)");
            return 2;
        }
        try {
            return train(o, config, out);
        } catch (TrainingDivergedException e) {
            err.println("gan: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("gan: " + e.getMessage());
            return 1;
        }
    }

    private static int train(Options o, GanConfig config, PrintStream out) throws IOException {
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
        List<HistoryRow> history = trainer.train();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[][] samples = trainer.generate(o.samples);
        HistoryRow last = history.get(history.size() - 1);
        out.printf(Locale.ROOT, "trained %s: %d epochs, %d steps (%d D, %d G) in %.2f s, %.1f µs per step%n", o.example, trainer.epoch(),
                trainer.steps(), trainer.discriminatorSteps(), trainer.generatorSteps(), seconds, seconds * 1e6 / trainer.steps());
        out.printf(Locale.ROOT, "final: D-loss = %.4f (log 4 = %.4f), G-loss = %.4f, mean D(x) = %.4f, mean D(G(z)) = %.4f, KL = %.4f%n",
                last.dLoss(), Math.log(4), last.gLoss(), last.meanDReal(), last.meanDFake(), last.kl());
        if (o.example.equals("normal")) {
            double mean = 0, var = 0;
            for (double[] s : samples) mean += s[0];
            mean /= samples.length;
            for (double[] s : samples) var += (s[0] - mean) * (s[0] - mean);
            out.printf(Locale.ROOT, "generated %d samples: mean = %.4f, std = %.4f%n", samples.length, mean, Math.sqrt(var / samples.length));
        } else {
            ModeCoverage c = ModeCoverage.of(samples, Datasets.FOUR_GAUSSIANS.means(), COVERAGE_STDS * Datasets.FOUR_GAUSSIANS.stds()[0]);
            out.println("generated " + samples.length + " samples; " + c.describe());
        }
        if (o.out != null) {
            writeCsv(o.out, config.dataDim() == 1 ? "x" : "x,y", samples);
            out.println("wrote " + samples.length + " samples to " + o.out);
        }
        if (o.history != null) {
            double[][] rows = new double[history.size()][];
            for (int i = 0; i < rows.length; i++) {
                HistoryRow h = history.get(i);
                rows[i] = new double[] {h.epoch(), h.dLoss(), h.gLoss(), h.meanDReal(), h.meanDFake(), h.kl()};
            }
            writeCsv(o.history, "epoch,d_loss,g_loss,mean_d_real,mean_d_fake,kl", rows);
            out.println("wrote " + rows.length + " history rows to " + o.history);
        }
        if (o.save != null) {
            trainer.save(o.save);
            out.println("saved the trained GAN to " + o.save);
        }
        return 0;
    }

    private static double[][] column(double[] v) {
        double[][] r = new double[v.length][];
        for (int i = 0; i < v.length; i++) r[i] = new double[] {v[i]};
        return r;
    }

    /** Writes a CSV atomically: a header line, then one line per row with shortest round-trip decimals. */
    static void writeCsv(Path file, String header, double[][] rows) throws IOException {
        AtomicWrite.write(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write(header);
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (double[] row : rows) {
                line.setLength(0);
                for (int j = 0; j < row.length; j++) {
                    if (j > 0) line.append(',');
                    double v = row[j];
                    if (v == Math.rint(v) && Math.abs(v) < 1e15 && j == 0 && header.startsWith("epoch")) line.append((long) v);
                    else line.append(v);
                }
                line.append('\n');
                w.write(line.toString());
            }
            w.flush();
        });
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
                "  --samples M           generated samples for the summary and --out (" + DEFAULT_SAMPLES + ")",
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
                "Exit codes: 0 done, 1 training diverged or a file could not be written (nothing is left",
                "half-written), 2 bad command line.",
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
                if (a.equals("--quiet")) {
                    o.quiet = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--epochs" -> o.epochs = positiveInt(a, v);
                    case "--batches" -> o.batches = positiveInt(a, v);
                    case "--k" -> o.k = positiveInt(a, v);
                    case "--history-every" -> o.historyEvery = positiveInt(a, v);
                    case "--d-hidden" -> o.dHidden = intBetween(a, v, 1, MAX_HIDDEN);
                    case "--g-hidden" -> o.gHidden = intBetween(a, v, 1, MAX_HIDDEN);
                    case "--samples" -> o.samples = positiveInt(a, v);
                    case "--lr" -> o.lr = positiveDouble(a, v);
                    case "--seed" -> o.seed = parseLong(a, v);
                    case "--optimizer" -> o.optimizer = named(a, () -> OptimizerKind.parse(v));
                    case "--generator-loss" -> o.generatorLoss = named(a, () -> GeneratorLoss.parse(v));
                    case "--schedule" -> o.schedule = named(a, () -> Schedule.parse(v));
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
