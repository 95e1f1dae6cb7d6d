package gan.train;

import gan.Check;
import gan.Rng;
import gan.nn.Activation;
import gan.nn.Mlp;
import gan.stats.Divergences;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's and the lecture's claim that the non-saturating G-loss "improves early training", as an
 * experiment one can run: make D confident against the untrained G first, then train and measure.
 *
 * <pre>
 *   0) make G poor, as it is early in learning: G(z) ← G(z) + shift (its output bias)  {@link #shiftGenerator}
 *   1) pre-train D alone against the frozen initial G (D steps only, D's own optimizer), until
 *      mean D(G(z)) ≤ target                                          {@link #pretrainDiscriminator}
 *   2) train as usual (Algorithm 1, the config's G-loss), and every few epochs measure on a fixed
 *      batch of noise z (noiseDim × m):
 *        ‖∇θg G-loss‖₂   of the loss being trained                   {@link #generatorGradient}
 *        mean D(G(z))
 *        histogram KL(real ‖ G(z))                                   {@link Divergences#klHistogram}
 * </pre>
 *
 * The gradient that reaches G's weights through D's logit l = logit D(G(z)) is ∂loss/∂l · ∂l/∂θg, with
 * ∂/∂l log(1 − σ(l)) = −D(G(z)) (saturating) and ∂/∂l (−log σ(l)) = −(1 − D(G(z))) (non-saturating): at a
 * confident D (D(G(z)) ≈ 0) the first is ≈ 0 and the second ≈ −1 per fake.
 *
 * <p>Measuring changes nothing the training uses: it reads the networks, overwrites only G's gradient
 * buffers (every G step recomputes them) and draws no number from the trainer's random streams. D steps of
 * the pre-training are not counted in {@link Trainer#discriminatorSteps()}; the epoch stays 0.
 */
public final class EarlyTraining {
    private EarlyTraining() {
    }

    /** One measurement after {@code epoch} epochs (0 = right after the pre-training). */
    public record Point(int epoch, double gradientNorm, double meanDFake, double kl) {
    }

    /**
     * One run: the pre-training and the measurements, oldest first.
     *
     * @param gShift              what G's fakes were shifted by before the pre-training
     * @param pretrainSteps       D steps the pre-training took
     * @param pretrainedMeanDFake mean D(G(z)) on the measurement noise when it stopped
     */
    public record Run(GanConfig config, double gShift, int pretrainSteps, double pretrainedMeanDFake, List<Point> points, Trainer trainer) {
        public Run {
            points = List.copyOf(points);
        }

        /**
         * The first measured epoch whose mean D(G(z)) is at least {@code level} (G's fakes have reached D), or −1 if
         * none is.
         */
        public int firstEpochReaching(double level) {
            for (Point p : points) {
                if (p.meanDFake() >= level) return p.epoch();
            }
            return -1;
        }

        /** The last measurement. */
        public Point last() {
            return points.get(points.size() - 1);
        }
    }

    /**
     * Trains D alone against the frozen G: each step takes m = n / batches real points (a random subset)
     * and m fakes G(z), z fresh from {@code rng}, and descends D-loss = −V with D's own optimizer (so its
     * moments carry over into training). Stops once mean D(G(z)) on {@code probe} (noiseDim × mProbe) is at
     * most {@code targetMeanDFake}, checked before every step, or after {@code maxSteps} steps.
     * G is not modified; D's parameters and optimizer state are.
     *
     * @return the number of D steps taken (0 if D was already confident)
     * @throws IllegalArgumentException if the target is not in (0, 1) or {@code maxSteps} &lt; 0
     */
    public static int pretrainDiscriminator(Trainer t, double targetMeanDFake, int maxSteps, double[][] probe, int mProbe, Rng rng) {
        Check.notNull("t", t);
        Check.notNull("rng", rng);
        if (!(targetMeanDFake > 0 && targetMeanDFake < 1)) {
            throw new IllegalArgumentException("targetMeanDFake must be a probability in (0, 1), got " + targetMeanDFake);
        }
        Check.atLeast("maxSteps", maxSteps, 0);
        checkNoise(t, probe, mProbe, "probe");
        double[][] real = t.realData();                               // n rows × d
        int n = real.length, dim = t.config().dataDim(), m = n / t.config().algorithm().batches();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[][] x = new double[dim][m];                            // real mini-batch     (d × m)
        double[][] z = new double[t.config().noiseDim()][m];          // noise               (noiseDim × m)
        double[][] probeFakes = copyRows(t.generator().forward(probe, mProbe), mProbe);   // G is frozen: G(probe) once
        int steps = 0;
        while (steps < maxSteps && meanD(t, probeFakes, mProbe) > targetMeanDFake) {
            rng.shuffle(order);
            for (int j = 0; j < dim; j++) {
                for (int r = 0; r < m; r++) x[j][r] = real[order[r]][j];
            }
            for (double[] row : z) t.config().algorithm().noise().fill(row, m, rng);
            double[] logits = t.gradients().discriminator(x, z, m);      // ∇θd of D-loss
            for (int i = 0; i < 2 * m; i++) {
                if (!Double.isFinite(logits[i])) {
                    throw new IllegalStateException("D's logits stopped being finite in pre-training step " + (steps + 1)
                            + "; try a smaller D learning rate (now " + t.config().optimizers().discriminator().learningRate() + ")");
                }
            }
            t.dOptimizer().step();                                    // θd ← θd − lr·u(∇θd)  (ascends V)
            steps++;
        }
        return steps;
    }

    /**
     * Adds {@code shift} to every output bias of G, so that every fake moves by {@code shift}:
     * G(z) ← G(z) + shift. An untrained G of the lecture's example 1 already overlaps N(0, 1), and a D
     * cannot be confident where the fakes overlap the data (D* = p_data / (p_data + p_g)); shifted away
     * from the data, the fakes are what the paper means by "early in learning, when G is poor".
     * G's parameters are modified; the optimizers' state is not.
     *
     * @throws IllegalArgumentException if {@code shift} is not finite
     */
    public static void shiftGenerator(Trainer t, double shift) {
        Check.notNull("t", t);
        Check.finite("shift", shift);
        List<gan.nn.Dense> layers = t.generator().layers();
        double[] b = layers.get(layers.size() - 1).bias().value().data;   // b (data dim × 1)
        for (int i = 0; i < b.length; i++) b[i] += shift;
    }

    private static double[][] copyRows(double[][] rows, int m) {
        double[][] c = new double[rows.length][];
        for (int j = 0; j < rows.length; j++) c[j] = java.util.Arrays.copyOf(rows[j], m);
        return c;
    }

    private static double meanD(Trainer t, double[][] points, int m) {
        double[] logits = t.discriminator().forwardLogits(points, m)[0];
        double s = 0;
        for (int i = 0; i < m; i++) s += Activation.sigmoid(logits[i]);
        return s / m;
    }

    /** mean D(G(z)) over the first {@code m} columns of z (noiseDim × m). Nothing modified but work buffers. */
    public static double meanDFake(Trainer t, double[][] z, int m) {
        checkNoise(t, z, m, "z");
        return meanD(t, t.generator().forward(z, m), m);
    }

    /** The G-loss {@code loss} (mean over the m fakes G(z)) at the current networks. Nothing modified. */
    public static double generatorLoss(Trainer t, GeneratorLoss loss, double[][] z, int m) {
        Check.notNull("loss", loss);
        checkNoise(t, z, m, "z");
        double[] logits = t.discriminator().forwardLogits(t.generator().forward(z, m), m)[0];
        return Losses.generatorLoss(loss, logits, m);
    }

    /**
     * ∇θg of the G-loss {@code loss} (mean over the m fakes G(z)), back-propagated through D (whose
     * parameters and gradients are left as they are), as a new vector in {@link Mlp#parameterVector()}'s
     * order. G's gradient buffers are overwritten.
     */
    public static double[] generatorGradient(Trainer t, GeneratorLoss loss, double[][] z, int m) {
        Check.notNull("loss", loss);
        checkNoise(t, z, m, "z");
        Mlp g = t.generator(), d = t.discriminator();
        double[][] fake = g.forward(z, m);                            // G(z)                 (d × m)
        double[] logits = d.forwardLogits(fake, m)[0];                // l = logit D(G(z))    (1 × m)
        double[][] dLogits = new double[1][m];
        Losses.generatorGradient(loss, logits, m, dLogits[0]);        // ∂loss/∂l
        double[][] dFake = d.backwardFromLogits(dLogits, false, true);    // ∂loss/∂G(z)      (d × m)
        g.backward(dFake, false);                                     // ∇θg
        return g.gradientVector();
    }

    /** ‖∇θg G-loss‖₂ of {@link #generatorGradient}. */
    public static double generatorGradientNorm(Trainer t, GeneratorLoss loss, double[][] z, int m) {
        double s = 0;
        for (double v : generatorGradient(t, loss, z, m)) s += v * v;
        return Math.sqrt(s);
    }

    /**
     * Shifts G's fakes by {@code gShift} ({@link #shiftGenerator}; 0 keeps the initial G), pre-trains D until mean D(G(z)) ≤ {@code targetMeanDFake} (at most {@code maxPretrainSteps} steps),
     * then trains {@code epochs} epochs with {@code config}'s G-loss, measuring at epoch 0 and every
     * {@code every} epochs (and after the last) on {@code mMeasure} fixed noise vectors. The pre-training's and
     * the measurements' random numbers come from streams derived from the config's seed ("early pretrain",
     * "early measure"), so two configs that differ only in the G-loss start from the same G and the same
     * pre-trained D and are measured on the same noise.
     *
     * @throws IllegalArgumentException if {@code epochs}, {@code every} or {@code mMeasure} is below 1, or
     *                                  {@code config}'s data is not 1-D ({@code real} is one value per sample)
     */
    public static Run run(GanConfig config, double[] real, double gShift, double targetMeanDFake, int maxPretrainSteps, int epochs,
            int every, int mMeasure) {
        Check.notNull("config", config);
        Check.atLeast("epochs", epochs, 1);
        Check.atLeast("every", every, 1);
        Check.atLeast("mMeasure", mMeasure, 1);
        if (config.dataDim() != 1) {
            throw new IllegalArgumentException("run takes 1-D data; config's data has " + config.dataDim() + " dimensions");
        }
        Trainer t = new Trainer(config, real);
        shiftGenerator(t, gShift);
        Rng measureRng = Rng.derive(config.seed(), "early measure");
        double[][] z = new double[config.noiseDim()][mMeasure];
        for (double[] row : z) config.algorithm().noise().fill(row, mMeasure, measureRng);
        int steps = pretrainDiscriminator(t, targetMeanDFake, maxPretrainSteps, z, mMeasure, Rng.derive(config.seed(), "early pretrain"));
        double pretrained = meanDFake(t, z, mMeasure);
        double[] data = t.realData1d();
        List<Point> points = new ArrayList<>();
        points.add(measure(t, z, mMeasure, data));
        while (t.epoch() < epochs) {
            t.train(Math.min(every, epochs - t.epoch()));
            points.add(measure(t, z, mMeasure, data));
        }
        return new Run(config, gShift, steps, pretrained, points, t);
    }

    private static Point measure(Trainer t, double[][] z, int m, double[] real) {
        double norm = generatorGradientNorm(t, t.config().algorithm().generatorLoss(), z, m);
        double meanD = meanDFake(t, z, m);
        double[] fake = t.generator().forward(z, m)[0];
        double kl = Divergences.klHistogram(real, java.util.Arrays.copyOf(fake, m), t.config().monitoring().klBins()).value();
        return new Point(t.epoch(), norm, meanD, kl);
    }

    private static void checkNoise(Trainer t, double[][] z, int m, String name) {
        Check.notNull(name, z);
        Check.atLeast("m", m, 1);
        int rows = t.config().noiseDim();
        if (z.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows (G's noise dimension), got " + z.length);
        }
        for (int j = 0; j < rows; j++) {
            if (z[j] == null || z[j].length < m) {
                throw new IllegalArgumentException(name + " row " + j + " must hold at least m = " + m + " values, got "
                        + (z[j] == null ? "null" : z[j].length));
            }
        }
    }
}
