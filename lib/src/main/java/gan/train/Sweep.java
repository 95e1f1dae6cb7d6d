package gan.train;

import gan.stats.Samples;
import gan.Check;
import gan.Rng;
import gan.stats.Divergences;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs many GAN trainings, one per {@link GanConfig}, on one shared real data set, in parallel on a fixed
 * number of threads: the parameter sweeps of the "beyond the lecture" notebooks (k × learning rate × seed).
 *
 * <pre>
 *   for each config c, on one of `threads` worker threads:
 *     t ← new Trainer(c, real)                          (its own networks, optimizers and random streams)
 *     for each checkpoint e (default: only c.algorithm().epochs()):
 *       t.train(e − t.epoch());  record measure(t)
 *     if training diverges: keep what was measured, note the failure, go on with the other configs
 *   return the runs in the order of the configs
 * </pre>
 *
 * <p>Deterministic: every random number of a run comes from its config's seed (see {@link Trainer}), and
 * each run has its own trainer confined to one thread, so the same configs give the same histories and
 * measurements whatever the number of threads and whatever order the runs finish in. Only
 * {@link Run#seconds()} (wall-clock time) differs.
 *
 * <p>The {@code measure} function is called on the worker threads with each run's trainer; it must not
 * change shared state (reading shared arrays, such as a reference sample, is fine). The measures offered
 * here ({@link #jsdTo(double[], int, int)}) draw their fakes from a stream derived from the config's seed
 * and the epoch, so measuring changes neither the training nor the trainer's own samples.
 */
public final class Sweep {
    private final int threads;
    private Consumer<Run<?>> listener = run -> { };

    /**
     * What one run produced.
     *
     * @param index        the config's position in the list given to {@code run}
     * @param config       the config that was trained
     * @param history      the trainer's whole history (unmodifiable)
     * @param epochs       the epoch of each measurement (completed epochs when {@code measure} was called)
     * @param measurements what {@code measure} returned at each of {@code epochs}; shorter than the
     *                     checkpoints if training diverged (unmodifiable; elements may be null if measure
     *                     returned null)
     * @param seconds      wall-clock time of this run (the one number that is not deterministic)
     * @param failure      null, or the message of the {@link TrainingDivergedException} that ended the run
     * @param <R>          the type of a measurement
     */
    public record Run<R>(int index, GanConfig config, List<HistoryRow> history, List<Integer> epochs, List<R> measurements,
                         double seconds, String failure) {

        /** True if training diverged (see {@link #failure()}). */
        public boolean diverged() {
            return failure != null;
        }

        /** The last history row, or null if none was recorded. */
        public HistoryRow last() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }

        /** The last measurement, or {@code fallback} if training diverged before the last checkpoint. */
        public R valueOr(R fallback) {
            return diverged() || measurements.isEmpty() ? fallback : measurements.get(measurements.size() - 1);
        }
    }

    /**
     * A sweep on {@code threads} worker threads (1 runs the configs one after another, in the calling
     * thread's order but on a worker thread).
     *
     * @param threads ≥ 1; more threads than configs are not started
     */
    public Sweep(int threads) {
        this.threads = Check.atLeast("threads", threads, 1);
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /**
     * Calls {@code listener} with each finished run, on the thread that called {@code run} (so it may update
     * a notebook's display), in the order the runs finish. Returns this.
     */
    public Sweep onRunDone(Consumer<Run<?>> listener) {
        this.listener = Check.notNull("listener", listener);
        return this;
    }

    /**
     * Trains every config on its own real data, {@code dataOf.apply(config)} (n × d rows, not modified; each trainer
     * takes its own copy), e.g. {@code c -> rows(Datasets.standardNormal(1000, Rng.derive(c.seed(), "data")))} so
     * that each seed draws its own sample of p_data, as 6-5 does, or {@code c -> shared} for one data set; and
     * measures after each of {@code checkpoints} epochs (0 measures the untrained networks). {@code dataOf} is
     * called once per config, on the calling thread, before any training starts.
     *
     * @param configs     at least one; each config's {@code algorithm().epochs()} must equal the last checkpoint
     * @param dataOf      config → its real data (not null)
     * @param checkpoints strictly increasing epochs ≥ 0, or null for "once, after {@code config.algorithm().epochs()}"
     * @param measure     called with the trainer at each checkpoint, on a worker thread
     * @return one {@link Run} per config, in the order of {@code configs}
     * @throws IllegalArgumentException for bad arguments, before any training starts
     * @throws RuntimeException         the first exception (other than divergence) a run or measure threw; the
     *                                  other runs are interrupted and stop at their next checkpoint
     */
    public <R> List<Run<R>> run(List<GanConfig> configs, Function<GanConfig, double[][]> dataOf, int[] checkpoints,
                                Function<Trainer, R> measure) {
        Check.notNull("configs", configs);
        Check.notNull("dataOf", dataOf);
        Check.notNull("measure", measure);
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("configs must hold at least one GanConfig, got an empty list");
        }
        for (int i = 0; i < configs.size(); i++) {
            GanConfig c = Check.notNull("configs[" + i + "]", configs.get(i));
            if (checkpoints != null) checkCheckpoints(checkpoints, c, i);
        }
        List<double[][]> data = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            data.add(Check.notNull("dataOf(configs[" + i + "])", dataOf.apply(configs.get(i))));
        }
        int[] points = checkpoints == null ? null : checkpoints.clone();
        int workers = Math.min(threads, configs.size());
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "sweep-" + made.incrementAndGet());
            t.setDaemon(true);                                        // never keeps a JVM (or a kernel) alive
            return t;
        });
        try {
            ExecutorCompletionService<Run<R>> done = new ExecutorCompletionService<>(pool);
            List<Future<Run<R>>> futures = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                int index = i;
                futures.add(done.submit(() -> runOne(index, configs.get(index), data.get(index), points, measure)));
            }
            List<Run<R>> runs = new ArrayList<>(Collections.nCopies(configs.size(), null));
            for (int finished = 0; finished < configs.size(); finished++) {
                Run<R> run = done.take().get();
                runs.set(run.index(), run);
                listener.accept(run);
            }
            return Collections.unmodifiableList(runs);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException("a sweep run failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep's runs", e);
        } finally {
            pool.shutdownNow();                                       // stops the other runs after a failure
        }
    }

    private static <R> Run<R> runOne(int index, GanConfig config, double[][] realRows, int[] checkpoints,
                                     Function<Trainer, R> measure) {
        long start = System.nanoTime();
        Trainer trainer = new Trainer(config, realRows);
        int[] points = checkpoints == null ? new int[] {config.algorithm().epochs()} : checkpoints;
        List<Integer> epochs = new ArrayList<>();
        List<R> values = new ArrayList<>();
        String failure = null;
        try {
            for (int e : points) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("sweep stopped before config " + index + " reached epoch " + e);
                }
                if (e > trainer.epoch()) trainer.train(e - trainer.epoch());
                values.add(measure.apply(trainer));
                epochs.add(trainer.epoch());
            }
        } catch (TrainingDivergedException diverged) {
            failure = diverged.getMessage();
        }
        return new Run<>(index, config, List.copyOf(trainer.history()), Collections.unmodifiableList(epochs),
                Collections.unmodifiableList(values), (System.nanoTime() - start) / 1e9, failure);
    }

    private static void checkCheckpoints(int[] checkpoints, GanConfig c, int i) {
        if (checkpoints.length == 0) {
            throw new IllegalArgumentException("checkpoints must list at least one epoch (or be null for the end only), got []");
        }
        for (int j = 0; j < checkpoints.length; j++) {
            if (checkpoints[j] < 0 || (j > 0 && checkpoints[j] <= checkpoints[j - 1])) {
                throw new IllegalArgumentException("checkpoints must be strictly increasing epochs >= 0, got "
                        + Arrays.toString(checkpoints) + " (at index " + j + ")");
            }
        }
        int last = checkpoints[checkpoints.length - 1];
        if (last != c.algorithm().epochs()) {
            throw new IllegalArgumentException("the last checkpoint must be the run's end: configs[" + i + "].algorithm().epochs() is "
                    + c.algorithm().epochs() + ", the last checkpoint " + last + "; use toBuilder().epochs(" + last + ")");
        }
    }

    /** 1-D values as n × 1 rows, the form {@link #run(List, Function, int[], Function)}'s {@code dataOf} returns. Not modified. */
    public static double[][] rows(double[] values) {
        return Samples.rows("values", values);
    }

    // ------------------------------------------------------------------ measures

    /**
     * The sweep notebook's score of a 1-D generator: the histogram JSD (nats, in [0, log 2]) between a
     * reference sample of p_data and {@code fakes} fresh samples G(z), on {@code bins} equal bins over
     * both samples' range ({@link Divergences#jsdHistogram(double[], double[], int)}):
     *
     * <pre>
     *   JSD(P‖Q) = ½ Σ P_i log(P_i / M_i) + ½ Σ Q_i log(Q_i / M_i),   M = (P + Q)/2
     * </pre>
     *
     * With a large reference (a fresh sample of p_data, not the 1,000 training points) and many fakes the
     * estimate measures G against p_data itself. Its floor, the JSD of two independent samples of n points
     * each from the same distribution, is about (bins − 1)/(4n) (the second-order term ⅛ Σ (P_i − Q_i)²/M_i):
     * measured 6.2e-4 for 20,000 vs 20,000 standard normals on 50 bins, 1.3e-2 for 1,000 vs 1,000.
     * The noise comes from {@code Rng.derive(seed, "sweep jsd@" + epoch)}, so the trainer is not changed.
     *
     * @param reference a sample of p_data, finite, non-empty; shared and not modified
     * @param fakes     how many G(z) to draw, ≥ 1
     * @param bins      1 … {@value Divergences#MAX_BINS}
     */
    public static Function<Trainer, Double> jsdTo(double[] reference, int fakes, int bins) {
        Check.finiteValues("reference", reference);                 // also: not empty
        Check.atLeast("fakes", fakes, 1);
        Check.atLeast("bins", bins, 1);
        double[] ref = reference.clone();
        return t -> {
            double[][] g = t.generate(fakes, Rng.derive(t.config().seed(), "sweep jsd@" + t.epoch()));
            return Divergences.jsdHistogram(ref, Samples.column(g, 0), bins).value();
        };
    }

    /**
     * The 2-D version of {@link #jsdTo(double[], int, int)}: histogram JSD on binsPerAxis × binsPerAxis
     * cells ({@link Divergences#jsdHistogram(double[][], double[][], int)}).
     *
     * @param reference n × 2 sample of p_data; shared and not modified
     * @param fakes     how many G(z) to draw, ≥ 1
     * @param binsPerAxis 1 … {@value Divergences#MAX_BINS_PER_AXIS}
     */
    public static Function<Trainer, Double> jsdTo(double[][] reference, int fakes, int binsPerAxis) {
        Check.notNull("reference", reference);
        if (reference.length == 0) throw new IllegalArgumentException("reference must not be empty");
        Check.atLeast("fakes", fakes, 1);
        Check.atLeast("binsPerAxis", binsPerAxis, 1);
        double[][] ref = new double[reference.length][];
        for (int i = 0; i < ref.length; i++) ref[i] = Check.notNull("reference[" + i + "]", reference[i]).clone();
        return t -> Divergences.jsdHistogram(ref, t.generate(fakes, Rng.derive(t.config().seed(), "sweep jsd@" + t.epoch())),
                binsPerAxis).value();
    }
}
