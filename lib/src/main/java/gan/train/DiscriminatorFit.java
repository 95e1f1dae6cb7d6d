package gan.train;

import gan.stats.Samples;
import gan.Check;
import gan.Rng;
import gan.nn.Activation;
import gan.nn.Dense;
import gan.nn.Initializer;
import gan.nn.Mlp;
import gan.optim.Optimizer;
import gan.optim.OptimizerSpec;

/**
 * A fresh discriminator trained on its own, against real and fake samples the caller supplies: the inner
 * maximisation of Algorithm 1 run to completion for a fixed G (Goodfellow et al. 2014, Proposition 1).
 *
 * <pre>
 *   D-loss(θd) = −(1/n_r) Σ log D(x_i) − (1/n_f) Σ log(1 − D(x̃_j))     = −V(D, G) on the samples
 *   step:      θd ← θd − lr·u(∇θd D-loss)                                 (ascends V; G does not move)
 *   for D trained to completion on p_data vs p_g:  D → D* = p_data / (p_data + p_g)
 *                                                  D-loss → log 4 − 2·JSD(p_data ‖ p_g)
 * </pre>
 *
 * The loss is computed from D's logits ({@link Losses}), as in the trainer. Not thread-safe.
 */
public final class DiscriminatorFit {
    private final Mlp d;
    private final Optimizer optimizer;
    private double[][] input = new double[0][];     // [real, fake] (d × (n_r + n_f)), reused
    private double[][] dLogits = new double[0][];   // ∂loss/∂logits (1 × (n_r + n_f)), reused

    /**
     * A D with layers {@code spec} (one sigmoid output), Xavier-uniform weights and biases as the lecture's
     * example 1 starts (the {@code "D init"} stream of {@code seed}), updated by {@code optimizer}.
     */
    public DiscriminatorFit(Mlp.Spec spec, OptimizerSpec optimizer, long seed) {
        Check.notNull("spec", spec);
        Check.notNull("optimizer", optimizer);
        if (spec.outputs() != 1 || spec.output() != Activation.SIGMOID) {
            throw new IllegalArgumentException("D must have exactly 1 sigmoid output (a probability), got " + spec);
        }
        this.d = new Mlp("D", spec, Initializer.xavierUniform(), Initializer.xavierUniform(), Rng.derive(seed, "D init"));
        this.optimizer = optimizer.create(d.params());
    }

    private DiscriminatorFit(Mlp d, Optimizer optimizer) {
        this.d = d;
        this.optimizer = optimizer;
    }

    /**
     * A copy of an existing discriminator {@code start} (parameters copied, not shared) to be trained further by
     * {@code optimizer}, with fresh optimizer state: Algorithm 1's inner loop run on
     * from where training left D. Copy the result back with {@code start.setParameterVector(fit.network().parameterVector())}.
     */
    public static DiscriminatorFit startingFrom(Mlp start, OptimizerSpec optimizer) {
        Check.notNull("start", start);
        Check.notNull("optimizer", optimizer);
        Mlp.Spec spec = start.spec();
        if (spec.outputs() != 1 || spec.output() != Activation.SIGMOID) {
            throw new IllegalArgumentException("D must have exactly 1 sigmoid output (a probability), got " + spec);
        }
        Mlp copy = new Mlp("D", spec, Initializer.zeros(), Initializer.zeros(), new Rng(0));
        copy.setParameterVector(start.parameterVector());
        return new DiscriminatorFit(copy, optimizer.create(copy.params()));
    }

    /**
     * One update of D on real rows and fake rows (each n × d, d = D's input size; the two counts may
     * differ). Returns the D-loss of these samples before the update. Neither array is modified.
     */
    public double step(double[][] real, double[][] fake) {
        double[] logits = logits(real, fake);
        int nr = real.length, nf = fake.length;
        double loss = Losses.discriminatorLoss(logits, nr, nf);
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException("D-loss stopped being finite (" + loss + ") at step " + (optimizer.steps() + 1)
                    + "; try a smaller learning rate than " + optimizer.learningRate(), (int) optimizer.steps(), null);
        }
        dLogits = Dense.ensure(dLogits, 1, nr + nf);
        Losses.discriminatorGradient(logits, nr, nf, dLogits[0]);   // ∂(D-loss)/∂l
        d.backwardFromLogits(dLogits, true, false);                   // ∇θd
        optimizer.step();                                             // θd ← θd − lr·u(∇θd)
        return loss;
    }

    /** One update of a 1-D D on real and fake values. Neither array is modified. */
    public double step(double[] real, double[] fake) {
        return step(Samples.rows("real", real), Samples.rows("fake", fake));
    }

    /** The D-loss −mean log D(real) − mean log(1 − D(fake)) without updating. Neither array is modified. */
    public double loss(double[][] real, double[][] fake) {
        return Losses.discriminatorLoss(logits(real, fake), real.length, fake.length);
    }

    /** {@link #loss(double[][], double[][])} of 1-D values. */
    public double loss(double[] real, double[] fake) {
        return loss(Samples.rows("real", real), Samples.rows("fake", fake));
    }

    /** D(x) for each row of {@code points}. Not modified. */
    public double[] discriminate(double[][] points) {
        Check.notNull("points", points);
        double[][] f = Rows.featureRows(d.spec().inputs(), points, "points");
        return java.util.Arrays.copyOf(d.forward(f, points.length)[0], points.length);   // work rows may be longer
    }

    /** D(x) for each value of 1-D data. Not modified. */
    public double[] discriminate(double[] xs) {
        return discriminate(Samples.rows("xs", xs));
    }

    /** Updates taken so far. */
    public long steps() {
        return optimizer.steps();
    }

    /** The discriminator network (its parameters are live). */
    public Mlp network() {
        return d;
    }

    private double[] logits(double[][] real, double[][] fake) {
        int dim = d.spec().inputs();
        double[][] r = Rows.featureRows(dim, real, "real"), f = Rows.featureRows(dim, fake, "fake");
        int nr = real.length, nf = fake.length;
        input = Dense.ensure(input, dim, nr + nf);
        for (int j = 0; j < dim; j++) {
            System.arraycopy(r[j], 0, input[j], 0, nr);
            System.arraycopy(f[j], 0, input[j], nr, nf);
        }
        return d.forwardLogits(input, nr + nf)[0];
    }

    @Override
    public String toString() {
        return "DiscriminatorFit[D " + d.spec() + ", " + optimizer + ", " + steps() + " steps]";
    }
}
