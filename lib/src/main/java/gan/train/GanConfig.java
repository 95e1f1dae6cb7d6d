package gan.train;

import gan.Check;
import gan.nn.Activation;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;

/**
 * Everything that defines a GAN training run, validated on construction. Start from the lecture's
 * {@link #normal()} or {@link #fourGaussians()} and change what you want with the {@code with…}
 * methods: {@code GanConfig.normal().withK(1).withLearningRate(1e-3)}.
 *
 * @param generator      G's layers; its input size is the noise dimension, its output the data dimension
 * @param discriminator  D's layers; input = data dimension, one sigmoid output (a probability)
 * @param weightInit     how every W starts
 * @param biasInit       how every b starts
 * @param noise          the prior p_z of G's input
 * @param k              discriminator steps per generator step (Algorithm 1's k), ≥ 1; with
 *                       {@link Schedule#GENERATOR_HEAVY} the other way round: generator steps per D step
 * @param schedule       how the k D steps and the G step share an epoch's batches ({@link Schedule})
 * @param batches        mini-batches per epoch (the lecture's nBatchCnt); the last takes the remainder
 * @param epochs         passes over the real data made by {@link Trainer#train()}, ≥ 1
 * @param dOptimizer     D's update rule
 * @param dLearningRate  D's learning rate, positive and finite
 * @param gOptimizer     G's update rule
 * @param gLearningRate  G's learning rate, positive and finite
 * @param generatorLoss  saturating (the paper's) or non-saturating (the lecture's)
 * @param historyEvery   record a {@link HistoryRow} every this many epochs, ≥ 1
 * @param klBins         histogram bins (per axis in 2-D) of the history's KL(real ‖ fake), 1 to 10⁶ (1 to 1,000 per axis in 2-D)
 * @param seed           fixes every random number of the run
 */
public record GanConfig(
        Mlp.Spec generator,
        Mlp.Spec discriminator,
        Initializer weightInit,
        Initializer biasInit,
        Noise noise,
        int k,
        Schedule schedule,
        int batches,
        int epochs,
        OptimizerKind dOptimizer,
        double dLearningRate,
        OptimizerKind gOptimizer,
        double gLearningRate,
        GeneratorLoss generatorLoss,
        int historyEvery,
        int klBins,
        long seed) {

    public GanConfig {
        Check.notNull("generator", generator);
        Check.notNull("discriminator", discriminator);
        Check.notNull("weightInit", weightInit);
        Check.notNull("biasInit", biasInit);
        Check.notNull("noise", noise);
        Check.notNull("schedule", schedule);
        Check.notNull("dOptimizer", dOptimizer);
        Check.notNull("gOptimizer", gOptimizer);
        Check.notNull("generatorLoss", generatorLoss);
        if (generator.outputs() != discriminator.inputs()) {
            throw new IllegalArgumentException("G's output size must equal D's input size (the data dimension): G " + generator.shape()
                    + " outputs " + generator.outputs() + ", D " + discriminator.shape() + " takes " + discriminator.inputs());
        }
        if (discriminator.outputs() != 1) {
            throw new IllegalArgumentException("D must have exactly 1 output (a probability), got " + discriminator.shape());
        }
        if (discriminator.output() != Activation.SIGMOID) {
            throw new IllegalArgumentException("D's output activation must be sigmoid (D outputs a probability), got " + discriminator.output());
        }
        Check.atLeast("k", k, 1);
        Check.atLeast("batches", batches, 1);
        Check.atLeast("epochs", epochs, 1);
        Check.positive("dLearningRate", dLearningRate);
        Check.positive("gLearningRate", gLearningRate);
        Check.atLeast("historyEvery", historyEvery, 1);
        Check.atLeast("klBins", klBins, 1);
        int maxBins = generator.outputs() == 2 ? gan.stats.Divergences.MAX_BINS_PER_AXIS : gan.stats.Divergences.MAX_BINS;
        if (klBins > maxBins) {
            throw new IllegalArgumentException("klBins must be from 1 to " + maxBins + (generator.outputs() == 2 ? " per axis for 2-D data" : "")
                    + ", got " + klBins);
        }
    }

    /**
     * The lecture's example 1 (6-5): 1-D standard normal data; D 1-8-1 (relu, sigmoid), G 8-4-1 (relu,
     * linear), Xavier-uniform weights and biases, noise U(−1, 1)^8, Adam with learning rate 1e-4 for
     * both, 5 mini-batches, the lecture's counter with k = 2, non-saturating G-loss, 10,000 epochs,
     * history every 100 epochs, KL over 50 bins, seed 1.
     */
    public static GanConfig normal() {
        return new GanConfig(
                Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 8, 4, 1),
                Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1),
                Initializer.xavierUniform(), Initializer.xavierUniform(),
                Noise.UNIFORM, 2, Schedule.LECTURE, 5, 10_000,
                OptimizerKind.ADAM, 1e-4, OptimizerKind.ADAM, 1e-4,
                GeneratorLoss.NON_SATURATING, 100, 50, 1L);
    }

    /**
     * The lecture's example 2 (6-6): four 2-D normals; G 10-128-2 (relu, linear), D 2-128-1 (relu,
     * sigmoid), orthogonal weights with gain 1.4 and zero biases, noise U(−1, 1)^10, Adam 1e-4 for both,
     * 5 mini-batches, k = 1, non-saturating G-loss, 50,000 epochs, history every 500 epochs, KL over
     * 20 × 20 bins, seed 1.
     */
    public static GanConfig fourGaussians() {
        return new GanConfig(
                Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 10, 128, 2),
                Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 2, 128, 1),
                Initializer.orthogonal(1.4), Initializer.zeros(),
                Noise.UNIFORM, 1, Schedule.LECTURE, 5, 50_000,
                OptimizerKind.ADAM, 1e-4, OptimizerKind.ADAM, 1e-4,
                GeneratorLoss.NON_SATURATING, 500, 20, 1L);
    }

    /** Dimension of the noise z (G's input size). */
    public int noiseDim() {
        return generator.inputs();
    }

    /** Dimension of the data (G's output size = D's input size). */
    public int dataDim() {
        return generator.outputs();
    }

    public GanConfig withGenerator(Mlp.Spec g) {
        return new GanConfig(g, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withDiscriminator(Mlp.Spec d) {
        return new GanConfig(generator, d, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withInit(Initializer weights, Initializer biases) {
        return new GanConfig(generator, discriminator, weights, biases, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withNoise(Noise n) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, n, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withK(int newK) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, newK, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withSchedule(Schedule s) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, s, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withBatches(int b) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, b, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withEpochs(int e) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, e, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    /** The same update rule for both networks. */
    public GanConfig withOptimizer(OptimizerKind kind) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, kind, dLearningRate, kind, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withOptimizers(OptimizerKind d, OptimizerKind g) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, d, dLearningRate, g, gLearningRate, generatorLoss, historyEvery, klBins, seed);
    }

    /** The same learning rate for both networks. */
    public GanConfig withLearningRate(double lr) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, lr, gOptimizer, lr, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withLearningRates(double d, double g) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, d, gOptimizer, g, generatorLoss, historyEvery, klBins, seed);
    }

    public GanConfig withGeneratorLoss(GeneratorLoss loss) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, loss, historyEvery, klBins, seed);
    }

    public GanConfig withHistoryEvery(int every) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, every, klBins, seed);
    }

    public GanConfig withKlBins(int bins) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, bins, seed);
    }

    public GanConfig withSeed(long s) {
        return new GanConfig(generator, discriminator, weightInit, biasInit, noise, k, schedule, batches, epochs, dOptimizer, dLearningRate, gOptimizer, gLearningRate, generatorLoss, historyEvery, klBins, s);
    }

    /** A multi-line summary naming every setting, for notebooks and logs. */
    public String describe() {
        return String.join("\n",
                "G " + generator + ", D " + discriminator,
                "init W " + weightInit + ", b " + biasInit + "; noise " + noise.cliName() + "(" + noiseDim() + ")",
                "k = " + k + " (" + schedule.cliName() + " schedule), " + batches + " mini-batches, " + epochs + " epochs",
                "D " + dOptimizer.cliName() + " lr " + dLearningRate + ", G " + gOptimizer.cliName() + " lr " + gLearningRate
                        + ", G-loss " + generatorLoss.cliName(),
                "history every " + historyEvery + " epochs, KL over " + klBins + " bins, seed " + seed);
    }
}
