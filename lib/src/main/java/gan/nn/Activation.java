package gan.nn;

import gan.Check;

/**
 * Element-wise activations y = f(z), each with its derivative next to it.
 *
 * <pre>
 *   LINEAR      f(z) = z                       f'(z) = 1
 *   RELU        f(z) = max(0, z)               f'(z) = 1 if z &gt; 0 else 0
 *   LEAKY_RELU  f(z) = z if z &gt; 0 else 0.2·z  f'(z) = 1 if z &gt; 0 else 0.2   (TensorFlow's default slope)
 *   TANH        f(z) = tanh z                  f'(z) = 1 − y²
 *   SIGMOID     f(z) = 1 / (1 + e^−z)          f'(z) = y·(1 − y)
 * </pre>
 *
 * The discriminator's output layer is SIGMOID, but the GAN losses are computed from its input z (the
 * logit) for numerical stability; see {@code gan.train.Losses}.
 */
public enum Activation {
    LINEAR, RELU, LEAKY_RELU, TANH, SIGMOID;

    /** Slope of {@link #LEAKY_RELU} for z &lt; 0 (TensorFlow's {@code tf.nn.leaky_relu} default). */
    public static final double LEAKY_SLOPE = 0.2;

    /** f(z). */
    public double apply(double z) {
        return switch (this) {
            case LINEAR -> z;
            case RELU -> z > 0 ? z : 0;
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case TANH -> Math.tanh(z);
            case SIGMOID -> sigmoid(z);
        };
    }

    /** f'(z), given z and y = f(z) (whichever is cheaper to use). */
    public double derivative(double z, double y) {
        return switch (this) {
            case LINEAR -> 1;
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : LEAKY_SLOPE;
            case TANH -> 1 - y * y;
            case SIGMOID -> y * (1 - y);
        };
    }

    /** y[i] = f(z[i]) for i &lt; n. {@code y} modified, {@code z} not modified (they may be the same array). */
    public void forward(double[] z, double[] y, int n) {
        switch (this) {
            case LINEAR -> {
                if (y != z) System.arraycopy(z, 0, y, 0, n);
            }
            case RELU -> {
                for (int i = 0; i < n; i++) y[i] = Math.max(z[i], 0.0);            // branch-free: 4× faster than z > 0 ? z : 0
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) y[i] = Math.max(z[i], LEAKY_SLOPE * z[i]);
            }
            default -> {
                for (int i = 0; i < n; i++) y[i] = apply(z[i]);
            }
        }
    }

    /** dz[i] = dy[i]·f'(z[i]) for i &lt; n. {@code dz} modified (may be {@code dy}); others not modified. */
    public void backward(double[] z, double[] y, double[] dy, double[] dz, int n) {
        switch (this) {
            case LINEAR -> {
                if (dz != dy) System.arraycopy(dy, 0, dz, 0, n);
            }
            case RELU -> {
                // f'(z) = ceil(min(y, 1)) is exactly 1 for y > 0 and 0 for y = 0, and branch-free: a
                // branch on the sign of z mispredicts half the time and costs 3× as much here
                for (int i = 0; i < n; i++) dz[i] = dy[i] * Math.ceil(Math.min(y[i], 1.0));
            }
            default -> {
                for (int i = 0; i < n; i++) dz[i] = dy[i] * derivative(z[i], y[i]);
            }
        }
    }

    /**
     * σ(z) = 1 / (1 + e^−z), written so that it never overflows: with e = e^−|z| ≤ 1,
     * <pre>  σ(z) = 1 / (1 + e)   for z ≥ 0        σ(z) = e / (1 + e)   for z &lt; 0</pre>
     * The numerator, 1 or e, is chosen without a branch as max(e, ⌈min(z, 1)⌉): 1 for z &gt; 0, e for
     * z ≤ 0 (the ceiling is then ≤ 0, and e = 1 at z = ±0). The sign of a logit is a coin toss, and a
     * mispredicted branch per logit cost more than the exp. The same operations on the same numbers as
     * the two-branch form, so the same bits.
     */
    public static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));                                   // e^−z for z ≥ 0, e^z for z < 0
        return Math.max(e, Math.ceil(Math.min(z, 1.0))) / (1 + e);           // (1 or e) / (1 + e)
    }

    /**
     * s[i] = {@link #sigmoid(double) σ(z[i])} for i &lt; n, the same bits, for a batch of logits: first
     * only the exps (a call each, in a tight loop), then (1 or e) / (1 + e) in a loop the JIT vectorises.
     * {@code s} modified; it must not be {@code z}, which is not modified.
     */
    public static void sigmoid(double[] z, double[] s, int n) {
        for (int i = 0; i < n; i++) s[i] = Math.exp(-Math.abs(z[i]));                               // e
        for (int i = 0; i < n; i++) s[i] = Math.max(s[i], Math.ceil(Math.min(z[i], 1.0))) / (1 + s[i]);   // (1 or e) / (1 + e)
    }

    /** Parses "relu", "leaky-relu", "leaky_relu", "sigmoid", … (case-insensitive). */
    public static Activation parse(String name) {
        return Check.oneOf("activation", name, values(), a -> a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
