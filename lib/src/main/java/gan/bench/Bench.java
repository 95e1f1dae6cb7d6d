package gan.bench;

import gan.data.Datasets;
import gan.stats.ModeCoverage;
import gan.train.GanConfig;
import gan.train.HistoryRow;
import gan.train.Trainer;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Times the library on the lecture's two examples, for {@code make bench} ({@code bench/run.py}
 * starts one JVM per repetition and sets the same one against {@code bench/torch_gan.py}).
 *
 * <pre>
 *   java -XX:+UseSerialGC -Xmx256m -cp lib/target/gan.jar gan.bench.Bench normal|four-gaussians [--epochs N] [--history-every N] [--seed S]
 * </pre>
 *
 * One run, on the data and configuration of {@code ./gan train} (the lecture's: {@link GanConfig#normal()},
 * {@link GanConfig#fourGaussians()}; seed 1 unless {@code --seed} says otherwise):
 * <ol>
 *   <li>trains once, timing {@link Trainer#train()} with the wall clock and the thread's CPU time (JIT
 *       warm-up included, JVM start-up not); history rows are measured at the configuration's cadence
 *       (every 100 epochs in example 1, 500 in example 2) and their time is part of the total;</li>
 *   <li>reports the quality reached: the last history row (D-loss, G-loss, KL) and, from 10,000 generated
 *       samples, their mean and std (example 1) or mode coverage (example 2, as {@code ./gan train});</li>
 *   <li>measures the training loop's heap allocation per step after warm-up: a second trainer whose
 *       history is measured only at the end of each {@code train} call trains E, then 2E epochs; both
 *       calls measure history once, so the difference of their allocated bytes
 *       ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}) divided by E epochs' steps is
 *       what the steps themselves allocate. The first call's bytes, less its steps' share, are one history
 *       measurement's.</li>
 * </ol>
 * Prints one line of JSON.
 */
public final class Bench {
    /** Samples generated for the quality figures (as {@code ./gan train}'s default). */
    static final int SAMPLES = 10_000;
    /** Epochs of the allocation probe's first call (the second trains twice as many). */
    static final int PROBE_EPOCHS = 200;

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !(args[0].equals("normal") || args[0].equals("four-gaussians"))) {
            System.err.println("usage: Bench normal|four-gaussians [--epochs N] [--history-every N] [--seed S]");
            System.exit(2);
        }
        String example = args[0];
        GanConfig config = GanConfig.example(example);
        for (int i = 1; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--epochs" -> config = config.toBuilder().epochs(v).build();
                case "--history-every" -> config = config.toBuilder().historyEvery(v).build();
                case "--seed" -> config = config.toBuilder().seed(v).build();
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        System.out.println(run(example, config));
    }

    static String run(String example, GanConfig config) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double[][] real = gan.cli.Main.realData(example, config.seed());

        // 1) the timed run
        Trainer t = new Trainer(config, real);
        long wall0 = System.nanoTime(), cpu0 = mx.getCurrentThreadCpuTime(), alloc0 = mx.getThreadAllocatedBytes(tid);
        t.train();
        long wall = System.nanoTime() - wall0, cpu = mx.getCurrentThreadCpuTime() - cpu0, alloc = mx.getThreadAllocatedBytes(tid) - alloc0;
        long steps = t.steps();

        // 2) quality
        HistoryRow last = t.last();
        double[][] samples = t.generate(SAMPLES);
        StringBuilder q = new StringBuilder();
        q.append(String.format(Locale.ROOT, "\"d_loss\": %.5f, \"g_loss\": %.5f, \"mean_d_real\": %.5f, \"mean_d_fake\": %.5f, \"kl\": %.5f",
                last.dLoss(), last.gLoss(), last.meanDReal(), last.meanDFake(), last.kl()));
        if (example.equals("normal")) {
            double mean = 0, var = 0;
            for (double[] s : samples) mean += s[0];
            mean /= samples.length;
            for (double[] s : samples) var += (s[0] - mean) * (s[0] - mean);
            q.append(String.format(Locale.ROOT, ", \"mean\": %.5f, \"std\": %.5f", mean, Math.sqrt(var / samples.length)));
        } else {
            ModeCoverage c = ModeCoverage.of(samples, Datasets.FOUR_GAUSSIANS.means(), 1.5 * Datasets.FOUR_GAUSSIANS.stds()[0]);
            q.append(String.format(Locale.ROOT, ", \"coverage_min\": %.5f, \"coverage_total\": %.5f", c.min(), c.total()));
        }

        // 3) allocation per step after warm-up
        Trainer probe = new Trainer(config.toBuilder().historyEvery(Integer.MAX_VALUE).build(), real);
        probe.train(10);                                               // warm-up: work rows are allocated here
        long s0 = probe.steps(), a0 = mx.getThreadAllocatedBytes(tid);
        probe.train(PROBE_EPOCHS);
        long s1 = probe.steps(), a1 = mx.getThreadAllocatedBytes(tid);
        probe.train(2 * PROBE_EPOCHS);
        long s2 = probe.steps(), a2 = mx.getThreadAllocatedBytes(tid);
        long first = a1 - a0, second = a2 - a1;
        double perStep = (second - first) / (double) ((s2 - s1) - (s1 - s0));
        double perHistory = first - perStep * (s1 - s0);

        return String.format(Locale.ROOT, "{\"impl\": \"java\", \"example\": \"%s\", \"seed\": %d, \"epochs\": %d, \"history_every\": %d, \"steps\": %d, "
                        + "\"wall_s\": %.4f, \"cpu_s\": %.4f, \"us_per_step_wall\": %.3f, \"us_per_step_cpu\": %.3f, "
                        + "\"alloc_run_bytes\": %d, \"alloc_per_step\": %.3f, \"alloc_per_history\": %.0f, %s, "
                        + "\"java\": \"%s\", \"cpus\": %d}",
                example, config.seed(), config.algorithm().epochs(), config.monitoring().historyEvery(), steps, wall / 1e9, cpu / 1e9, wall / 1e3 / steps, cpu / 1e3 / steps,
                alloc, perStep, perHistory, q, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }
}
