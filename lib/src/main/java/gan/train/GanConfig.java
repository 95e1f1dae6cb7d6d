package gan.train;

import gan.Check;
import gan.nn.Activation;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.OptimizerKind;
import gan.optim.OptimizerSpec;
import gan.stats.Divergences;
import java.util.Objects;

/**
 * Everything that defines a GAN training run, in four parts and a seed, each part validated where it is
 * made. Start from the lecture's {@link #normal()} or {@link #fourGaussians()} and change what you want
 * with a {@link Builder}: {@code GanConfig.normal().toBuilder().k(1).learningRate(1e-3).build()}.
 * Configurations compare by value: {@code GanConfig.normal().equals(GanConfig.normal())}.
 *
 * @param networks   G and D and how their weights start
 * @param algorithm  Algorithm 1's numbers: noise, k, schedule, mini-batches, epochs, G-loss
 * @param optimizers D's and G's update rules with every hyperparameter
 * @param monitoring what is measured along the way (history cadence, KL bins)
 * @param seed       fixes every random number of the run
 */
public record GanConfig(Networks networks, Algorithm algorithm, Optimizers optimizers, Monitoring monitoring, long seed) {

    /**
     * The two networks and their start.
     *
     * @param generator     G's layers; its input size is the noise dimension, its output the data dimension
     * @param discriminator D's layers; input = data dimension, one sigmoid output (a probability)
     * @param weightInit    how every W starts
     * @param biasInit      how every b starts
     */
    public record Networks(Mlp.Spec generator, Mlp.Spec discriminator, Initializer weightInit, Initializer biasInit) {
        public Networks {
            Check.notNull("generator", generator);
            Check.notNull("discriminator", discriminator);
            Check.notNull("weightInit", weightInit);
            Check.notNull("biasInit", biasInit);
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
        }

        /** Initializers compare by name ({@link Initializer#parse} reads it back), networks by sizes and activations. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Networks n && generator.equals(n.generator) && discriminator.equals(n.discriminator)
                    && weightInit.toString().equals(n.weightInit.toString()) && biasInit.toString().equals(n.biasInit.toString());
        }

        @Override
        public int hashCode() {
            return Objects.hash(generator, discriminator, weightInit.toString(), biasInit.toString());
        }
    }

    /**
     * Algorithm 1's numbers.
     *
     * @param noise         the prior p_z of G's input
     * @param k             discriminator steps per generator step (Algorithm 1's k), ≥ 1; with
     *                      {@link Schedule#GENERATOR_HEAVY} the other way round: generator steps per D step
     * @param schedule      how the k D steps and the G step share an epoch's batches ({@link Schedule})
     * @param batches       mini-batches per epoch (the lecture's nBatchCnt), ≥ 1; the last takes the remainder
     * @param epochs        passes over the real data made by {@link Trainer#train()}, ≥ 1
     * @param generatorLoss saturating (the paper's) or non-saturating (the lecture's)
     */
    public record Algorithm(Noise noise, int k, Schedule schedule, int batches, int epochs, GeneratorLoss generatorLoss) {
        public Algorithm {
            Check.notNull("noise", noise);
            Check.atLeast("k", k, 1);
            Check.notNull("schedule", schedule);
            Check.atLeast("batches", batches, 1);
            Check.atLeast("epochs", epochs, 1);
            Check.notNull("generatorLoss", generatorLoss);
        }
    }

    /** D's and G's update rules, each with its learning rate and hyperparameters. */
    public record Optimizers(OptimizerSpec discriminator, OptimizerSpec generator) {
        public Optimizers {
            Check.notNull("discriminator optimizer", discriminator);
            Check.notNull("generator optimizer", generator);
        }
    }

    /**
     * What is measured along the way.
     *
     * @param historyEvery record a {@link HistoryRow} every this many epochs, ≥ 1
     * @param klBins       histogram bins (per axis in 2-D) of the history's KL(real ‖ fake), ≥ 1; the upper
     *                     bound depends on the data dimension and is checked by {@link GanConfig}
     */
    public record Monitoring(int historyEvery, int klBins) {
        public Monitoring {
            Check.atLeast("historyEvery", historyEvery, 1);
            Check.atLeast("klBins", klBins, 1);
        }
    }

    public GanConfig {
        Check.notNull("networks", networks);
        Check.notNull("algorithm", algorithm);
        Check.notNull("optimizers", optimizers);
        Check.notNull("monitoring", monitoring);
        boolean twoD = networks.generator().outputs() == 2;
        int maxBins = twoD ? Divergences.MAX_BINS_PER_AXIS : Divergences.MAX_BINS;
        if (monitoring.klBins() > maxBins) {
            throw new IllegalArgumentException("klBins must be from 1 to " + maxBins + (twoD ? " per axis for 2-D data" : "")
                    + ", got " + monitoring.klBins());
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
                new Networks(Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 8, 4, 1), Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 1, 8, 1),
                        Initializer.xavierUniform(), Initializer.xavierUniform()),
                new Algorithm(Noise.UNIFORM, 2, Schedule.LECTURE, 5, 10_000, GeneratorLoss.NON_SATURATING),
                new Optimizers(OptimizerSpec.adam(1e-4), OptimizerSpec.adam(1e-4)),
                new Monitoring(100, 50), 1L);
    }

    /**
     * The lecture's example 2 (6-6): four 2-D normals; G 10-128-2 (relu, linear), D 2-128-1 (relu,
     * sigmoid), orthogonal weights with gain 1.4 and zero biases, noise U(−1, 1)^10, Adam 1e-4 for both,
     * 5 mini-batches, k = 1, non-saturating G-loss, 50,000 epochs, history every 500 epochs, KL over
     * 20 × 20 bins, seed 1.
     */
    public static GanConfig fourGaussians() {
        return new GanConfig(
                new Networks(Mlp.Spec.of(Activation.RELU, Activation.LINEAR, 10, 128, 2), Mlp.Spec.of(Activation.RELU, Activation.SIGMOID, 2, 128, 1),
                        Initializer.orthogonal(1.4), Initializer.zeros()),
                new Algorithm(Noise.UNIFORM, 1, Schedule.LECTURE, 5, 50_000, GeneratorLoss.NON_SATURATING),
                new Optimizers(OptimizerSpec.adam(1e-4), OptimizerSpec.adam(1e-4)),
                new Monitoring(500, 20), 1L);
    }

    /** The example named on the command line: {@code normal} or {@code four-gaussians}. */
    public static GanConfig example(String name) {
        return switch (Check.notNull("example", name)) {
            case "normal" -> normal();
            case "four-gaussians" -> fourGaussians();
            default -> throw new IllegalArgumentException("example must be normal or four-gaussians, got '" + name + "'");
        };
    }

    /** Dimension of the noise z (G's input size). */
    public int noiseDim() {
        return networks.generator().inputs();
    }

    /** Dimension of the data (G's output size = D's input size). */
    public int dataDim() {
        return networks.generator().outputs();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Changes a configuration: {@code config.toBuilder().epochs(200).seed(7).build()}. Each setter replaces
     * one value; {@link #build()} makes (and validates) the records.
     */
    public static final class Builder {
        private Mlp.Spec generator, discriminator;
        private Initializer weightInit, biasInit;
        private Noise noise;
        private int k, batches, epochs, historyEvery, klBins;
        private Schedule schedule;
        private GeneratorLoss generatorLoss;
        private OptimizerSpec dOptimizer, gOptimizer;
        private long seed;

        private Builder(GanConfig c) {
            generator = c.networks.generator();
            discriminator = c.networks.discriminator();
            weightInit = c.networks.weightInit();
            biasInit = c.networks.biasInit();
            noise = c.algorithm.noise();
            k = c.algorithm.k();
            schedule = c.algorithm.schedule();
            batches = c.algorithm.batches();
            epochs = c.algorithm.epochs();
            generatorLoss = c.algorithm.generatorLoss();
            dOptimizer = c.optimizers.discriminator();
            gOptimizer = c.optimizers.generator();
            historyEvery = c.monitoring.historyEvery();
            klBins = c.monitoring.klBins();
            seed = c.seed;
        }

        public Builder generator(Mlp.Spec g) { generator = g; return this; }

        public Builder discriminator(Mlp.Spec d) { discriminator = d; return this; }

        public Builder init(Initializer weights, Initializer biases) { weightInit = weights; biasInit = biases; return this; }

        public Builder noise(Noise n) { noise = n; return this; }

        public Builder k(int newK) { k = newK; return this; }

        public Builder schedule(Schedule s) { schedule = s; return this; }

        public Builder batches(int b) { batches = b; return this; }

        public Builder epochs(int e) { epochs = e; return this; }

        public Builder generatorLoss(GeneratorLoss loss) { generatorLoss = loss; return this; }

        /** Both networks' update rule, each keeping its learning rate and hyperparameters. */
        public Builder optimizer(OptimizerKind kind) { return optimizers(kind, kind); }

        /** D's and G's update rules, each keeping its learning rate and hyperparameters. */
        public Builder optimizers(OptimizerKind d, OptimizerKind g) {
            dOptimizer = dOptimizer.withKind(d);
            gOptimizer = gOptimizer.withKind(g);
            return this;
        }

        /** D's and G's whole optimizer specs. */
        public Builder optimizers(OptimizerSpec d, OptimizerSpec g) { dOptimizer = d; gOptimizer = g; return this; }

        /** The same learning rate for both networks (kinds and other hyperparameters kept). */
        public Builder learningRate(double lr) { return learningRates(lr, lr); }

        public Builder learningRates(double d, double g) {
            dOptimizer = dOptimizer.withLearningRate(d);
            gOptimizer = gOptimizer.withLearningRate(g);
            return this;
        }

        public Builder historyEvery(int every) { historyEvery = every; return this; }

        public Builder klBins(int bins) { klBins = bins; return this; }

        public Builder seed(long s) { seed = s; return this; }

        public GanConfig build() {
            return new GanConfig(new Networks(generator, discriminator, weightInit, biasInit),
                    new Algorithm(noise, k, schedule, batches, epochs, generatorLoss),
                    new Optimizers(dOptimizer, gOptimizer), new Monitoring(historyEvery, klBins), seed);
        }
    }

    /** A multi-line summary naming every setting, for notebooks and logs. */
    public String describe() {
        Networks n = networks;
        Algorithm a = algorithm;
        return String.join("\n",
                "G " + n.generator() + ", D " + n.discriminator(),
                "init W " + n.weightInit() + ", b " + n.biasInit() + "; noise " + a.noise().cliName() + "(" + noiseDim() + ")",
                "k = " + a.k() + " (" + a.schedule().cliName() + " schedule), " + a.batches() + " mini-batches, " + a.epochs() + " epochs",
                "D " + optimizers.discriminator().kind().cliName() + " lr " + optimizers.discriminator().learningRate() + ", G "
                        + optimizers.generator().kind().cliName() + " lr " + optimizers.generator().learningRate()
                        + ", G-loss " + a.generatorLoss().cliName(),
                "history every " + monitoring.historyEvery() + " epochs, KL over " + monitoring.klBins() + " bins, seed " + seed);
    }
}
