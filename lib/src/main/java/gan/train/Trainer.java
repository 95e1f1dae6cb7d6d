package gan.train;

import gan.Check;
import gan.Rng;
import gan.nn.Activation;
import gan.nn.Dense;
import gan.nn.Mlp;
import gan.optim.Optimizer;
import gan.stats.Divergences;
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
 *     for each mini-batch of m rows, following the {@link Schedule}:
 *       D step:  1) sample m noise vectors z from p_z
 *                2) take the mini-batch's m real examples x
 *                3) ascend ∇θd (1/m) Σ [log D(x) + log(1 − D(G(z)))]   (descend D-loss)
 *       G step:  1) sample m noise vectors z from p_z
 *                2) descend ∇θg of the generator loss                  (saturating or non-saturating)
 *     every `historyEvery` epochs: measure a {@link HistoryRow} and tell the listener
 * </pre>
 *
 * <p>One seed fixes everything. Each use of randomness has its own stream derived from the seed and a
 * name ({@link Rng#derive}): "G init", "D init", "shuffle", "noise", "sample", and "history@e" for the
 * measurement after epoch e. So measuring history more often, or drawing samples between epochs,
 * changes neither the training nor the row measured at a given epoch. {@link #save} / {@link #load} keep every stream's state: a run resumed from a checkpoint
 * continues bit for bit as if it had not stopped.
 *
 * <p>Speed: all work matrices are allocated on the first epoch and reused; a step allocates nothing.
 * Not thread-safe; use one trainer per thread.
 */
public final class Trainer {
    private final GanConfig config;
    private final double[][] real;                  // (d × n): one row per dimension, a private copy
    private final int n;                            // real samples
    private final Mlp g;
    private final Mlp d;
    private final Optimizer gOptimizer;
    private final Optimizer dOptimizer;
    private final Rng shuffleRng;
    private final Rng noiseRng;
    private final Rng sampleRng;
    private final int[] order;                      // sample order of the current epoch
    private final List<HistoryRow> history = new ArrayList<>();
    private Consumer<HistoryRow> listener = row -> { };

    int epoch;                                      // completed epochs
    int kCounter;                                   // D steps since the last G step
    long dSteps;                                    // D steps taken
    long gSteps;                                    // G steps taken

    // work rows, reused by every step (they only grow)
    private double[][] z = new double[0][];         // noise (noiseDim × m)
    private double[][] xBatch = new double[0][];    // real mini-batch (d × m)
    private double[][] dInput = new double[0][];    // [x, G(z)] (d × 2m)
    private double[][] dLogits = new double[0][];   // ∂loss/∂logits (1 × 2m or 1 × m)

    /** A trainer for 1-D real data (one value per sample). {@code realData} is copied. */
    public Trainer(GanConfig config, double[] realData) {
        this(config, column(realData));
    }

    /** A trainer for d-dimensional real data, one row per sample. {@code realData} is copied. */
    public Trainer(GanConfig config, double[][] realData) {
        this.config = Check.notNull("config", config);
        this.real = featureRows(config.dataDim(), realData, "realData");
        this.n = realData.length;
        if (config.batches() > n) {
            throw new IllegalArgumentException("batches must be <= the number of real samples (" + n + "), got " + config.batches());
        }
        long seed = config.seed();
        this.shuffleRng = Rng.derive(seed, "shuffle");
        this.noiseRng = Rng.derive(seed, "noise");
        this.sampleRng = Rng.derive(seed, "sample");
        this.g = new Mlp("G", config.generator(), config.weightInit(), config.biasInit(), Rng.derive(seed, "G init"));
        this.d = new Mlp("D", config.discriminator(), config.weightInit(), config.biasInit(), Rng.derive(seed, "D init"));
        this.gOptimizer = config.gOptimizer().create(g.params(), config.gLearningRate());
        this.dOptimizer = config.dOptimizer().create(d.params(), config.dLearningRate());
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
    }

    private static double[][] column(double[] values) {
        Check.notNull("realData", values);
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) rows[i] = new double[] {values[i]};
        return rows;
    }

    /** Sample rows (n × d) to feature rows (d × n), checking every value; names the bad row and column. */
    /**
     * Sample rows (n × dim) to feature rows (dim × n), checking that there is at least one row, that each has
     * {@code dim} values and that all are finite; the message names {@code name}, the row and the column.
     */
    static double[][] featureRows(int dim, double[][] rows, String name) {
        Check.notNull(name, rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        double[][] f = new double[dim][rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != dim) {
                throw new IllegalArgumentException(name + " row " + i + " must have " + dim + " values (D's input size), got "
                        + (rows[i] == null ? "null" : rows[i].length));
            }
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(name + " row " + i + " column " + j + " must be a finite number, got " + rows[i][j]);
                }
                f[j][i] = rows[i][j];
            }
        }
        return f;
    }

    /** Feature rows (d × at least n) to n sample rows (n × d). */
    private static double[][] sampleRows(double[][] f, int n) {
        double[][] r = new double[n][f.length];
        for (int j = 0; j < f.length; j++) {
            for (int i = 0; i < n; i++) r[i][j] = f[j][i];
        }
        return r;
    }

    /** Calls {@code listener} with every new history row (for progress lines and live plots). Returns this. */
    public Trainer onHistory(Consumer<HistoryRow> listener) {
        this.listener = Check.notNull("listener", listener);
        return this;
    }

    /** Trains {@code config().epochs()} more epochs; returns the whole history so far. */
    public List<HistoryRow> train() {
        return train(config.epochs());
    }

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
            if (epoch % config.historyEvery() == 0 || epoch == end) {
                record();
            }
        }
        return history();
    }

    /** One pass over the real data: shuffle, cut into mini-batches, step D or G on each. */
    private void runEpoch() {
        int batches = config.batches(), size = n / batches;
        shuffleRng.shuffle(order);
        for (int b = 0; b < batches; b++) {
            int from = b * size;
            int to = b == batches - 1 ? n : from + size;              // the last batch takes the remainder
            if (config.schedule() == Schedule.LECTURE) {
                if (kCounter < config.k()) {                          // if k < nK: train D
                    discriminatorStep(from, to);
                    kCounter++;
                } else {                                              // else: train G, reset the counter
                    generatorStep(to - from);
                    kCounter = 0;
                }
            } else if (config.schedule() == Schedule.GENERATOR_HEAVY) {
                discriminatorStep(from, to);                          // every batch: one D step,
                for (int s = 0; s < config.k(); s++) {                // then k G steps against that D
                    generatorStep(to - from);
                }
            } else {
                discriminatorStep(from, to);                          // every batch: a D step
                if (++kCounter == config.k()) {                       // every k-th D step: a G step
                    generatorStep(to - from);
                    kCounter = 0;
                }
            }
        }
        if (lectureListener != null && epoch % lectureEvery == 0) lectureProgress((batches - 1) * size);
    }

    /** Algorithm 1's inner loop body: one D update on real samples order[from..to) and as many fakes. */
    private void discriminatorStep(int from, int to) {
        int m = to - from;
        sampleNoise(m, noiseRng);                                     // 1) z ~ p_z            (noiseDim × m)
        xBatch = Dense.ensure(xBatch, real.length, m);                // 2) x from the data    (d × m)
        for (int j = 0; j < real.length; j++) {
            double[] row = xBatch[j], x = real[j];
            for (int r = 0; r < m; r++) row[r] = x[order[from + r]];
        }
        double[] logits = discriminatorGradients(xBatch, z, m);       // 3) ∇θd of D-loss
        checkFinite(logits, 2 * m, "D");
        if (lectureListener != null) lastDStepLoss = Losses.discriminatorLoss(logits, m, m);   // before the update, as sess.run
        dOptimizer.step();                                            //    θd ← θd − lr·u(∇θd)  (ascends V)
        dSteps++;
    }

    /** Algorithm 1's generator update on m fresh noise vectors. */
    private void generatorStep(int m) {
        sampleNoise(m, noiseRng);                                     // 1) z ~ p_z            (noiseDim × m)
        double[] logits = generatorGradients(z, m);                   // 2) ∇θg of the G-loss
        checkFinite(logits, m, "G");
        if (lectureListener != null) lastGStepLoss = Losses.generatorLoss(config.generatorLoss(), logits, m);
        gOptimizer.step();                                            //    θg ← θg − lr·u(∇θg)
        gSteps++;
    }

    /**
     * ∇θd of D-loss = −mean log D(x) − mean log(1 − D(G(z))) for real columns x (d × m) and noise
     * z (noiseDim × m), written into D's parameter gradients. Returns D's logits [real, fake] (1 × 2m).
     */
    double[] discriminatorGradients(double[][] x, double[][] noise, int m) {
        int dim = real.length;
        double[][] fake = g.forward(noise, m);                        // G(z)                 (d × m)
        dInput = Dense.ensure(dInput, dim, 2 * m);                    // [x, G(z)]            (d × 2m)
        for (int j = 0; j < dim; j++) {
            System.arraycopy(x[j], 0, dInput[j], 0, m);
            System.arraycopy(fake[j], 0, dInput[j], m, m);
        }
        double[] logits = d.forwardLogits(dInput, 2 * m)[0];         // l                    (1 × 2m)
        dLogits = Dense.ensure(dLogits, 1, 2 * m);
        Losses.discriminatorGradient(logits, m, m, dLogits[0]);      // ∂(D-loss)/∂l
        d.backwardFromLogits(dLogits, true, false);                   // ∇θd
        return logits;
    }

    /**
     * ∇θg of the generator loss for noise z (noiseDim × m), back-propagated through D (whose
     * parameters and gradients are left as they are) into G's parameter gradients. Returns D's logits
     * of the fakes (1 × m).
     */
    double[] generatorGradients(double[][] noise, int m) {
        double[][] fake = g.forward(noise, m);                        // G(z)                 (d × m)
        double[] logits = d.forwardLogits(fake, m)[0];                // l = logit D(G(z))    (1 × m)
        dLogits = Dense.ensure(dLogits, 1, m);
        Losses.generatorGradient(config.generatorLoss(), logits, m, dLogits[0]);
        double[][] dFake = d.backwardFromLogits(dLogits, false, true);    // ∂loss/∂G(z)      (d × m)
        g.backward(dFake, false);                                     // ∇θg
        return logits;
    }

    private void sampleNoise(int m, Rng rng) {
        z = Dense.ensure(z, config.noiseDim(), m);
        for (double[] row : z) config.noise().fill(row, m, rng);
    }

    private void checkFinite(double[] logits, int n, String step) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += logits[i];
        if (!Double.isFinite(sum)) {
            throw diverged(epoch + 1, "step " + (steps() + 1) + " (a " + step + " step) of epoch " + (epoch + 1));
        }
    }

    private TrainingDivergedException diverged(int inEpoch, String where) {
        HistoryRow last = history.isEmpty() ? null : history.get(history.size() - 1);
        return new TrainingDivergedException("training diverged in epoch " + inEpoch + ": D's outputs stopped being finite numbers at "
                + where + "; " + (last == null ? "no finite losses were recorded before"
                        : "last finite losses, at epoch " + last.epoch() + ": D-loss = " + last.dLoss() + ", G-loss = " + last.gLoss())
                + ". Try a smaller learning rate (D " + config.dLearningRate() + ", G " + config.gLearningRate() + ").", inEpoch, last);
    }

    /**
     * Measures the current state on the whole real data and an equally large fresh sample of fakes
     * (from the history's own noise stream, so measuring does not change training).
     */
    private void record() {
        int dim = real.length;
        double[][] fakeRows = sample(n, Rng.derive(config.seed(), "history@" + epoch));
        dInput = Dense.ensure(dInput, dim, 2 * n);
        for (int j = 0; j < dim; j++) {
            System.arraycopy(real[j], 0, dInput[j], 0, n);
            for (int r = 0; r < n; r++) dInput[j][n + r] = fakeRows[r][j];
        }
        double[] logits = d.forwardLogits(dInput, 2 * n)[0];
        double dLoss = Losses.discriminatorLoss(logits, n, n);
        double gLoss = Losses.generatorLoss(config.generatorLoss(), java.util.Arrays.copyOfRange(logits, n, 2 * n), n);
        double meanReal = 0, meanFake = 0;
        for (int i = 0; i < n; i++) meanReal += Activation.sigmoid(logits[i]);
        for (int i = n; i < 2 * n; i++) meanFake += Activation.sigmoid(logits[i]);
        double kl = divergence(sampleRows(real, n), fakeRows);
        HistoryRow row = new HistoryRow(epoch, dLoss, gLoss, meanReal / n, meanFake / n, kl);
        if (!Double.isFinite(dLoss) || !Double.isFinite(gLoss)) {
            throw diverged(epoch, "measuring after epoch " + epoch + ": D-loss = " + dLoss + ", G-loss = " + gLoss);
        }
        history.add(row);
        listener.accept(row);
    }

    /** Histogram KL(real ‖ fake): 1-D and 2-D directly; for d ≥ 3 the mean of the d marginal KLs. */
    private double divergence(double[][] realRows, double[][] fakeRows) {
        int dim = real.length;
        if (dim == 1) {
            return Divergences.klHistogram(firstColumn(realRows, 0), firstColumn(fakeRows, 0), config.klBins()).value();
        }
        if (dim == 2) {
            return Divergences.klHistogram(realRows, fakeRows, config.klBins()).value();
        }
        double sum = 0;
        for (int j = 0; j < dim; j++) sum += Divergences.klHistogram(firstColumn(realRows, j), firstColumn(fakeRows, j), config.klBins()).value();
        return sum / dim;
    }

    private static double[] firstColumn(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][j];
        return c;
    }

    private double[][] sample(int count, Rng rng) {
        sampleNoise(count, rng);
        return sampleRows(g.forward(z, count), count);
    }

    /** {@code n} samples G(z), z ~ p_z, one row each, from the trainer's own sampling stream. */
    public double[][] generate(int n) {
        Check.atLeast("n", n, 1);
        return sample(n, sampleRng);
    }

    /** {@code n} samples G(z) with noise from {@code rng}. */
    public double[][] generate(int n, Rng rng) {
        Check.atLeast("n", n, 1);
        return sample(n, Check.notNull("rng", rng));
    }

    /** {@code n} samples of a 1-D generator as a plain array. */
    public double[] generate1d(int n) {
        if (config.dataDim() != 1) {
            throw new IllegalStateException("generate1d needs 1-D data; this GAN's data has " + config.dataDim() + " dimensions (use generate)");
        }
        return firstColumn(generate(n), 0);
    }

    /** D(x) for each row of {@code points} (each of the data's dimension). {@code points} not modified. */
    public double[] discriminate(double[][] points) {
        double[][] f = featureRows(config.dataDim(), points, "points");
        return java.util.Arrays.copyOf(d.forward(f, points.length)[0], points.length);
    }

    /** D(x) for each value of a 1-D data set. */
    public double[] discriminate(double[] xs) {
        return discriminate(column(xs));
    }

    /** The history so far, oldest first (unmodifiable view). */
    public List<HistoryRow> history() {
        return Collections.unmodifiableList(history);
    }

    /** The latest history row, or null before the first. */
    public HistoryRow last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    /** D and G steps taken so far. */
    public long steps() {
        return dSteps + gSteps;
    }

    /** Discriminator steps taken so far. */
    public long discriminatorSteps() {
        return dSteps;
    }

    /** Generator steps taken so far. */
    public long generatorSteps() {
        return gSteps;
    }

    /**
     * Saves everything needed to resume: configuration, real data, both networks, both optimizers'
     * moments, counters, every random stream's state and the history. The file is written atomically
     * (complete or not at all) and carries a checksum.
     */
    public void save(Path file) throws IOException {
        Checkpoint.write(this, file);
    }

    /**
     * The {@code n} samples {@link #generate(int) generate(n)} would give, produced a chunk at a time
     * (see {@link GeneratedSamples}); the sampling stream moves on exactly as {@code generate(n)} moves it,
     * so what follows (further samples, a checkpoint) is the same either way. Needs uniform noise.
     */
    public GeneratedSamples samples(int n) {
        Check.atLeast("n", n, 1);
        if (config.noise() != Noise.UNIFORM) {
            throw new IllegalStateException("samples(n) needs uniform noise (one draw per number); this GAN's noise is "
                    + config.noise().cliName() + " (use generate)");
        }
        GeneratedSamples s = new GeneratedSamples(this, n, sampleRng.state());
        sampleRng.advance(GeneratedSamples.draws(config, n));
        return s;
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

    // --- for Checkpoint ---

    Rng[] streams() {
        return new Rng[] {shuffleRng, noiseRng, sampleRng};
    }

    int[] order() {
        return order;
    }

    Optimizer dOptimizer() {
        return dOptimizer;
    }

    Optimizer gOptimizer() {
        return gOptimizer;
    }

    List<HistoryRow> mutableHistory() {
        return history;
    }

    public GanConfig config() {
        return config;
    }

    /** The generator network (its parameters are live). */
    public Mlp generator() {
        return g;
    }

    /** The discriminator network (its parameters are live). */
    public Mlp discriminator() {
        return d;
    }

    /** A copy of the real data, one row per sample. */
    public double[][] realData() {
        return sampleRows(real, n);
    }

    /** A copy of 1-D real data as a plain array. */
    public double[] realData1d() {
        return firstColumn(realData(), 0);
    }

    // ------------------------------------------------------------------ the lecture's own progress line

    private Consumer<LectureProgress> lectureListener;  // null: no step losses kept (the default)
    private int lectureEvery = 100;
    private double lastDStepLoss = Double.NaN;          // D-loss of the last D step (before its update)
    private double lastGStepLoss = Double.NaN;          // G-loss of the last G step (before its update)

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
        this.lectureEvery = every;
        this.lectureListener = listener;
        return this;
    }

    /** After epoch index {@code epoch}: the last mini-batch is order[from..n), its noise the first m columns of z. */
    private void lectureProgress(int from) {
        int m = n - from;
        double[] realBatch = new double[m];
        for (int r = 0; r < m; r++) realBatch[r] = real[0][order[from + r]];
        double[] fakeBatch = java.util.Arrays.copyOf(g.forward(z, m)[0], m);   // G(bz) after the last update
        lectureListener.accept(LectureProgress.of(epoch, lastDStepLoss, lastGStepLoss, realBatch, fakeBatch));
    }

    // --- Algorithm 1's G update alone (figure 1 of the paper, panel c; D's inner loop alone is DiscriminatorFit) ---

    /**
     * Algorithm 1's generator update alone: {@code steps} G steps with D frozen, each on a mini-batch of fresh
     * noise as large as a real mini-batch. Epochs, the k counter and the history are not touched; the G step
     * count is.
     */
    public void trainGeneratorOnly(int steps) {
        Check.atLeast("steps", steps, 1);
        for (int s = 0; s < steps; s++) generatorStep(n / config.batches());
    }
}
