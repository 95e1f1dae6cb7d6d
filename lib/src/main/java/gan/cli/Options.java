package gan.cli;

import gan.AtomicWrite;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import gan.train.GanConfig;
import gan.train.GeneratorLoss;
import gan.train.Schedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A parsed command line: {@code train EXAMPLE [options]}, {@code config EXAMPLE} or {@code --help}. Options are
 * parsed here (a number must be a number); their values are checked once, where the configuration is made
 * ({@link GanConfig}, {@link gan.optim.OptimizerSpec}), and the message is prefixed with the option.
 */
final class Options {
    /** The commands. */
    enum Command { TRAIN, CONFIG, HELP }

    Command command;
    String example;
    boolean quiet;
    Integer epochs, batches, k, historyEvery, dHidden, gHidden;
    Double lr;
    OptimizerKind optimizer;
    GeneratorLoss generatorLoss;
    Schedule schedule;
    Long seed;
    int samples = Main.DEFAULT_SAMPLES;
    Path out, history, save;

    /** Every option ./gan train takes (besides --help). */
    static final Set<String> OPTIONS = Set.of("--epochs", "--batches", "--k", "--history-every", "--d-hidden",
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
            throw new IllegalArgumentException("missing command: use 'train normal', 'train four-gaussians' or 'config normal'");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            o.command = Command.HELP;
            return o;
        }
        if (args[0].equals("config")) {
            o.command = Command.CONFIG;
            if (args.length != 2) {
                throw new IllegalArgumentException("config takes exactly one example: 'config normal' or 'config four-gaussians'");
            }
            o.example = example(args[1]);
            return o;
        }
        if (!args[0].equals("train")) {
            throw new IllegalArgumentException("unknown command '" + args[0] + "': the commands are train and config");
        }
        o.command = Command.TRAIN;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                o.command = Command.HELP;
                return o;
            }
            if (!a.startsWith("--")) {
                if (o.example != null) {
                    throw new IllegalArgumentException("unexpected argument '" + a + "' (the example is already " + o.example + ")");
                }
                o.example = example(a);
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
                case "--epochs" -> o.epochs = parseInt(a, v);
                case "--batches" -> o.batches = parseInt(a, v);
                case "--k" -> o.k = parseInt(a, v);
                case "--history-every" -> o.historyEvery = parseInt(a, v);
                case "--d-hidden" -> o.dHidden = intBetween(a, v, 1, Main.MAX_HIDDEN);
                case "--g-hidden" -> o.gHidden = intBetween(a, v, 1, Main.MAX_HIDDEN);
                case "--samples" -> o.samples = intBetween(a, v, 1, Main.MAX_SAMPLES);
                case "--lr" -> o.lr = parseDouble(a, v);
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

    private static String example(String a) {
        if (!a.equals("normal") && !a.equals("four-gaussians")) {
            throw new IllegalArgumentException("unknown example '" + a + "': use normal or four-gaussians");
        }
        return a;
    }

    /** The example's configuration ({@link GanConfig#example}) with the options given; each value is checked by the configuration. */
    GanConfig config() {
        GanConfig c = GanConfig.example(example);
        if (historyEvery != null) c = set(c, "--history-every", b -> b.historyEvery(historyEvery));
        if (epochs != null) c = set(c, "--epochs", b -> b.epochs(epochs));
        if (batches != null) c = set(c, "--batches", b -> b.batches(batches));
        if (k != null) c = set(c, "--k", b -> b.k(k));
        if (lr != null) c = set(c, "--lr", b -> b.learningRate(lr));
        if (optimizer != null) c = c.toBuilder().optimizer(optimizer).build();
        if (generatorLoss != null) c = c.toBuilder().generatorLoss(generatorLoss).build();
        if (schedule != null) c = c.toBuilder().schedule(schedule).build();
        if (seed != null) c = c.toBuilder().seed(seed).build();
        if (dHidden != null) c = c.toBuilder().discriminator(withHidden(c.networks().discriminator(), dHidden)).build();
        if (gHidden != null) c = c.toBuilder().generator(withHidden(c.networks().generator(), gHidden)).build();
        return c;
    }

    /** {@code c} changed by {@code change}; a value the configuration refuses is reported with the option's name. */
    private static GanConfig set(GanConfig c, String option, UnaryOperator<GanConfig.Builder> change) {
        try {
            return change.apply(c.toBuilder()).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
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

    private static int parseInt(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, got '" + v + "'");
        }
    }

    /** For the CLI's own bounds (--d-hidden, --g-hidden, --samples), which no configuration checks. */
    private static int intBetween(String option, String v, int lo, int hi) {
        try {
            int n = Integer.parseInt(v);
            if (n >= lo && n <= hi) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer from " + lo + " to " + hi + ", got '" + v + "'");
    }

    private static double parseDouble(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + v + "'");
        }
    }

    private static long parseLong(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, got '" + v + "'");
        }
    }
}
