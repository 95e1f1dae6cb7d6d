package gan.train;

import gan.stats.Samples;
import gan.Check;
import gan.Rng;
import gan.nn.Dense;
import gan.nn.Mlp;
import gan.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains a GAN with Goodfellow et al.'s Algorithm 1 on a fixed set of real samples.
 *
 * <pre>
 *   for each epoch:                                       (the lecture's `for i in range(10000)`)
 *     shuffle the real data, cut it into `batches` mini-batches (the last takes the remainder)
 *     share the mini-batches between D and G as the {@link Schedule} says; the paper's:
 *       for k steps:                                      ({@link Schedule#PAPER})
 *         updateD:  1) sample m noise vectors z from p_z
 *                   2) take the next mini-batch's m real examples x
 *                   3) ascend ∇θd (1/m) Σ [log D(x) + log(1 − D(G(z)))]   (descend D-loss)
 *       updateG:    1) sample m noise vectors z from p_z
 *                   2) descend ∇θg of the generator loss                  (saturating or non-saturating)
 *     every `historyEvery` epochs: measure a {@link HistoryRow} ({@link HistoryMeter}) and tell the listener
 * </pre>
 *
 * <p>One seed fixes everything. Each use of randomness has its own stream derived from the seed and a
 * name ({@link Rng#derive}): "G init", "D init", "shuffle", "noise", "sample", and "history@e" for the
 * measurement after epoch e. So measuring history more often, or drawing samples between epochs,
 * changes neither the training nor the row measured at a given epoch. {@link #save} / {@link #load} keep every stream's state
 * ({@link TrainerState}): a run resumed from a checkpoint continues bit for bit as if it had not stopped.
 *
 * <p>Speed: all work matrices are allocated on the first epoch and reused; a step allocates nothing.
 * Not thread-safe; use one trainer per thread.
 */
public final class Trainer {
    private final GanConfig config;
    private final GanConfig.Algorithm algorithm;    // config.algorithm(): k, schedule, batches, noise, G-loss
    private final double[][] real;                  // (d × n): one row per dimension, a private copy
    private final int n;                            // real samples
    private final Mlp g;
    private final Mlp d;
    private final Optimizer gOptimizer;
    private final Optimizer dOptimizer;
    private final Rng shuffleRng;
    private final Rng noiseRng;
    private final Rng sampleRng;
    private final Gradients gradients;
    private final Sampler sampler;
    private final HistoryMeter meter;
    private final int[] order;                      // sample order of the current epoch
    private final Schedule.Steps steps = new Schedule.Steps() {   // the schedule's view of updateD and updateG
        public void updateD(int from, int to) {
            Trainer.this.updateD(from, to);
        }

        public void updateG(int m) {
            Trainer.this.updateG(m);
        }
    };
    private final List<HistoryRow> history = new ArrayList<>();
    private Consumer<HistoryRow> listener = row -> { };

    private int epoch;                              // completed epochs
    private int counter;                            // the schedule's counter: D steps since the last G step
    private long dSteps;                            // D steps taken
    private long gSteps;                            // G steps taken

    // work rows of the steps, reused by every step (they only grow)
    private double[][] z = new double[0][];         // noise (noiseDim × m)
    private double[][] xBatch = new double[0][];    // real mini-batch (d × m)

    /** A trainer for 1-D real data (one value per sample). {@code realData} is copied. */
    public Trainer(GanConfig config, double[] realData) {
        this(config, Samples.rows("realData", realData));
    }

    /** A trainer for d-dimensional real data, one row per sample. {@code realData} is copied. */
    public Trainer(GanConfig config, double[][] realData) {
        this.config = Check.notNull("config", config);
        this.algorithm = config.algorithm();
        this.real = Rows.featureRows(config.dataDim(), realData, "realData");
        this.n = realData.length;
        if (algorithm.batches() > n) {
            throw new IllegalArgumentException("batches must be <= the number of real samples (" + n + "), got " + algorithm.batches());
        }
        long seed = config.seed();
        GanConfig.Networks nets = config.networks();
        this.shuffleRng = Rng.derive(seed, "shuffle");
        this.noiseRng = Rng.derive(seed, "noise");
        this.sampleRng = Rng.derive(seed, "sample");
        this.g = new Mlp("G", nets.generator(), nets.weightInit(), nets.biasInit(), Rng.derive(seed, "G init"));
        this.d = new Mlp("D", nets.discriminator(), nets.weightInit(), nets.biasInit(), Rng.derive(seed, "D init"));
        this.gOptimizer = config.optimizers().generator().create(g.params());
        this.dOptimizer = config.optimizers().discriminator().create(d.params());
        this.gradients = new Gradients(g, d, algorithm.generatorLoss());
        this.sampler = new Sampler(config, g);
        this.meter = new HistoryMeter(config, real, n, d, sampler);
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
    }

    /** Calls {@code listener} with every new history row (for progress lines and live plots). Returns this. */
    public Trainer onHistory(Consumer<HistoryRow> listener) {
        this.listener = Check.notNull("listener", listener);
        return this;
    }

    /** Trains {@code config().algorithm().epochs()} more epochs; returns the whole history so far. */
    public List<HistoryRow> train() { return train(algorithm.epochs()); }

    /**
     * Trains {@code moreEpochs} more epochs, continuing from where the last call stopped (counters,
     * optimizer moments and random streams carry on). Records a history row every
     * {@code historyEvery} epochs and after the last epoch. Returns the whole history so far.
     *
     * @throws TrainingDivergedException if D's logits stop being finite; the history is kept
     */
    public List<HistoryRow> train(int moreEpochs) {
        Check.atLeast("epochs", moreEpochs, 1);
        if (moreEpochs > Integer.MAX_VALUE - epoch) {
            throw new IllegalArgumentException("epochs: " + epoch + " completed + " + moreEpochs + " more is past the largest epoch count "
                    + Integer.MAX_VALUE + "; train at most " + (Integer.MAX_VALUE - epoch) + " more");
        }
        int end = epoch + moreEpochs;
        while (epoch < end) {
            runEpoch();
            epoch++;
            if (epoch % config.monitoring().historyEvery() == 0 || epoch == end) {
                record();
            }
        }
        return history();
    }

    /** One pass over the real data: shuffle, cut into mini-batches, share them between D and G by the {@link Schedule}. */
    private void runEpoch() {
        int batches = algorithm.batches();
        shuffleRng.shuffle(order);
        counter = algorithm.schedule().runEpoch(n, batches, algorithm.k(), counter, steps);
        if (lecture != null && epoch % lecture.every() == 0) lectureProgress(Schedule.from(batches - 1, n, batches));
    }

    /**
     * One D step on the real samples order[from..to) and as many fakes, descending
     * <pre>  D-loss = −(1/m) Σ [log D(x) + log(1 − D(G(z)))] = −V   (so D ascends V)</pre>
     */
    private void updateD(int from, int to) {
        int m = to - from;
        sampleNoise(m);                                               // 1) z ~ p_z            (noiseDim × m)
        xBatch = Dense.ensure(xBatch, real.length, m);                // 2) x from the data    (d × m)
        for (int j = 0; j < real.length; j++) {
            double[] row = xBatch[j], x = real[j];
            for (int r = 0; r < m; r++) row[r] = x[order[from + r]];
        }
        double[] logits = gradients.discriminator(xBatch, z, m);     // 3) ∇θd of D-loss
        checkFinite(logits, 2 * m, "D");
        if (lecture != null) lecture.dStep(Losses.discriminatorLoss(logits, m, m));   // before the update, as sess.run
        dOptimizer.step();                                            //    θd ← θd − lr·u(∇θd)  (ascends V)
        dSteps++;
    }

    /**
     * One G step on m fresh noise vectors, descending the generator loss
     * <pre>  saturating:      (1/m) Σ log(1 − D(G(z)))      (the paper's)
     *  non-saturating:  −(1/m) Σ log D(G(z))         (the lecture's)</pre>
     */
    private void updateG(int m) {
        sampleNoise(m);                                               // 1) z ~ p_z            (noiseDim × m)
        double[] logits = gradients.generator(z, m);                 // 2) ∇θg of the G-loss
        checkFinite(logits, m, "G");
        if (lecture != null) lecture.gStep(Losses.generatorLoss(algorithm.generatorLoss(), logits, m));
        gOptimizer.step();                                            //    θg ← θg − lr·u(∇θg)
        gSteps++;
    }

    private void sampleNoise(int m) {
        z = Dense.ensure(z, config.noiseDim(), m);
        for (double[] row : z) algorithm.noise().fill(row, m, noiseRng);
    }

    private void checkFinite(double[] logits, int count, String step) {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += logits[i];
        if (!Double.isFinite(sum)) {
            throw diverged(epoch + 1, "step " + (steps() + 1) + " (a " + step + " step) of epoch " + (epoch + 1));
        }
    }

    private TrainingDivergedException diverged(int inEpoch, String where) {
        HistoryRow last = last();
        return new TrainingDivergedException("training diverged in epoch " + inEpoch + ": D's outputs stopped being finite numbers at "
                + where + "; " + (last == null ? "no finite losses were recorded before"
                        : "last finite losses, at epoch " + last.epoch() + ": D-loss = " + last.dLoss() + ", G-loss = " + last.gLoss())
                + ". Try a smaller learning rate (D " + dOptimizer.learningRate() + ", G " + gOptimizer.learningRate() + ").", inEpoch, last);
    }

    /** Measures a history row ({@link HistoryMeter}) and tells the listener. */
    private void record() {
        HistoryRow row = meter.measure(epoch);
        if (!Double.isFinite(row.dLoss()) || !Double.isFinite(row.gLoss())) {
            throw diverged(epoch, "measuring after epoch " + epoch + ": D-loss = " + row.dLoss() + ", G-loss = " + row.gLoss());
        }
        history.add(row);
        listener.accept(row);
    }

    /** {@code n} samples G(z), z ~ p_z, one row each, from the trainer's own sampling stream. */
    public double[][] generate(int n) {
        Check.atLeast("n", n, 1);
        return sampler.sample(n, sampleRng);
    }

    /** {@code n} samples G(z) with noise from {@code rng}. */
    public double[][] generate(int n, Rng rng) {
        Check.atLeast("n", n, 1);
        return sampler.sample(n, Check.notNull("rng", rng));
    }

    /** {@code n} samples of a 1-D generator as a plain array. */
    public double[] generate1d(int n) {
        if (config.dataDim() != 1) {
            throw new IllegalStateException("generate1d needs 1-D data; this GAN's data has " + config.dataDim() + " dimensions (use generate)");
        }
        return Samples.column(generate(n), 0);
    }

    /**
     * The {@code n} samples {@link #generate(int) generate(n)} would give, produced a chunk at a time
     * (see {@link GeneratedSamples}); the sampling stream moves on exactly as {@code generate(n)} moves it,
     * so what follows (further samples, a checkpoint) is the same either way. Needs uniform noise.
     */
    public GeneratedSamples samples(int n) {
        Check.atLeast("n", n, 1);
        if (algorithm.noise() != Noise.UNIFORM) {
            throw new IllegalStateException("samples(n) needs uniform noise (one draw per number); this GAN's noise is "
                    + algorithm.noise().cliName() + " (use generate)");
        }
        GeneratedSamples s = new GeneratedSamples(this, n, sampleRng.state());
        sampleRng.advance(GeneratedSamples.draws(config, n));
        return s;
    }

    /** D(x) for each row of {@code points} (each of the data's dimension). {@code points} not modified. */
    public double[] discriminate(double[][] points) {
        double[][] f = Rows.featureRows(config.dataDim(), points, "points");
        return java.util.Arrays.copyOf(d.forward(f, points.length)[0], points.length);
    }

    /** D(x) for each value of a 1-D data set. */
    public double[] discriminate(double[] xs) {
        return discriminate(Samples.rows("xs", xs));
    }
    /** The history so far, oldest first (unmodifiable view). */
    public List<HistoryRow> history() { return Collections.unmodifiableList(history); }
    /** The latest history row, or null before the first. */
    public HistoryRow last() { return history.isEmpty() ? null : history.get(history.size() - 1); }
    /** Completed epochs. */
    public int epoch() { return epoch; }
    /** D and G steps taken so far. */
    public long steps() { return dSteps + gSteps; }
    /** Discriminator steps taken so far. */
    public long discriminatorSteps() { return dSteps; }
    /** Generator steps taken so far. */
    public long generatorSteps() { return gSteps; }
    public GanConfig config() { return config; }
    /** The generator network (its parameters are live). */
    public Mlp generator() { return g; }
    /** The discriminator network (its parameters are live). */
    public Mlp discriminator() { return d; }
    /** A copy of the real data, one row per sample. */
    public double[][] realData() { return Rows.sampleRows(real, n); }
    /** A copy of 1-D real data as a plain array. */
    public double[] realData1d() { return Samples.column(realData(), 0); }

    // ------------------------------------------------------------------ checkpoints

    /**
     * Saves everything needed to resume: configuration, real data, both networks, both optimizers'
     * moments, counters, every random stream's state and the history. The file is written atomically
     * (complete or not at all) and carries a checksum.
     */
    public void save(Path file) throws IOException {
        Checkpoint.write(this, file);
    }

    /**
     * Writes the checkpoint {@link #save(Path)} writes to {@code out} (not closed), for a caller that
     * writes several files together ({@link gan.AtomicWrite.Batch}).
     */
    public void save(java.io.OutputStream out) throws IOException {
        Check.notNull("out", out);
        out.write(Checkpoint.bytes(this));
    }

    /**
     * A trainer exactly as {@link #save} left it: same outputs, and further training continues bit for
     * bit. A file that is not a checkpoint, is truncated or corrupt gives an {@link IOException} that
     * says so and names the file.
     */
    public static Trainer load(Path file) throws IOException {
        return Checkpoint.read(file);
    }

    /** The gradient computations the steps use (for tests and {@link EarlyTraining}). */
    Gradients gradients() { return gradients; }

    /** D's and G's optimizers, for {@link Checkpoint}. */
    Optimizer dOptimizer() { return dOptimizer; }

    Optimizer gOptimizer() { return gOptimizer; }

    /** Counters, sample order, stream states and history, as a value (for {@link Checkpoint}). */
    TrainerState state() {
        return new TrainerState(epoch, counter, dSteps, gSteps, order,
                new long[] {shuffleRng.state(), noiseRng.state(), sampleRng.state()}, history);
    }

    /** Puts back a state {@link #state()} gave, after checking it fits this trainer ({@link TrainerState#check}). */
    void restore(TrainerState s) {
        s.check(n, algorithm.k());
        epoch = s.epoch();
        counter = s.counter();
        dSteps = s.dSteps();
        gSteps = s.gSteps();
        System.arraycopy(s.order(), 0, order, 0, n);
        long[] streams = s.streams();
        shuffleRng.setState(streams[0]);
        noiseRng.setState(streams[1]);
        sampleRng.setState(streams[2]);
        history.clear();
        history.addAll(s.history());
    }

    // ------------------------------------------------------------------ the lecture's own progress line

    private LectureProgress.Probe lecture;              // null: no step losses kept (the default)

    /**
     * Calls {@code listener} with the lecture's own progress line ({@link LectureProgress}) after every epoch
     * whose 0-based index i has i % {@code every} == 0 (the practice file's {@code if i % 100 == 0}, line 130:
     * after 1, 101, 201, … completed epochs). Only for 1-D data. Training is the same with or without it: it
     * draws no random numbers. Returns this.
     *
     * @param every at least 1; the lecture's is 100
     * @throws IllegalStateException if the data are not 1-D (the lecture's KL is a 1-D histogram)
     */
    public Trainer onLectureProgress(int every, Consumer<LectureProgress> listener) {
        Check.atLeast("every", every, 1);
        Check.notNull("listener", listener);
        if (config.dataDim() != 1) {
            throw new IllegalStateException("onLectureProgress needs 1-D data (the lecture's KL is a 1-D histogram); this GAN's data has "
                    + config.dataDim() + " dimensions");
        }
        this.lecture = new LectureProgress.Probe(every, listener);
        return this;
    }

    /** After epoch index {@code epoch}: the last mini-batch is order[from..n), its noise the first m columns of z. */
    private void lectureProgress(int from) {
        int m = n - from;
        double[] realBatch = new double[m];
        for (int r = 0; r < m; r++) realBatch[r] = real[0][order[from + r]];
        double[] fakeBatch = java.util.Arrays.copyOf(g.forward(z, m)[0], m);   // G(bz) after the last update
        lecture.report(epoch, realBatch, fakeBatch);
    }

    // --- Algorithm 1's G update alone (figure 1 of the paper, panel c; D's inner loop alone is DiscriminatorFit) ---

    /**
     * Algorithm 1's generator update alone: {@code steps} G steps with D frozen, each on a mini-batch of fresh
     * noise as large as a real mini-batch. Epochs, the k counter and the history are not touched; the G step
     * count is.
     */
    public void trainGeneratorOnly(int steps) {
        Check.atLeast("steps", steps, 1);
        for (int s = 0; s < steps; s++) updateG(n / algorithm.batches());
    }
}
