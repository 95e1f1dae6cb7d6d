package gan.nn;

import gan.Rng;
import java.util.Arrays;

/**
 * A fully connected layer on a mini-batch of B samples stored as columns (the convention of
 * Goodfellow, Bengio and Courville's book): Y = f(W·X + b).
 *
 * <pre>
 *   forward    Z = W·X + b          (out × B) = (out × in)·(in × B) + (out × 1) broadcast over columns
 *              Y = f(Z)             (out × B)
 *   backward   dZ = dY ⊙ f'(Z)      (out × B)
 *              dW = dZ·Xᵀ           (out × in)
 *              db = Σ_columns dZ    (out × 1)
 *              dX = Wᵀ·dZ           (in × B)
 * </pre>
 *
 * W and b are EJML matrices ({@link Param}). A batch is a {@code double[][]} with one row per unit
 * (feature) and the samples along the row: row {@code r} holds unit r for samples 0..B−1 (rows may be
 * longer than B; only the first B entries are used). Gradients are written (not added) into
 * {@code W.grad} and {@code b.grad}. Work rows are kept between calls and only grow, so a training
 * loop of fixed batch sizes allocates nothing. One layer serves one forward/backward pair at a time:
 * {@code backward} uses the X, Z and Y of the latest {@code forward}.
 *
 * <p><b>Why this layout and these loops</b> (measured on the lecture's example 1, one training step,
 * 2-core AMD EPYC, Java 17): EJML's {@code CommonOps_DDRM} on samples-as-rows matrices, 79 µs; plain
 * loops on samples-as-rows, 64 µs (inner loops only 1 to 8 long); one contiguous row per unit, so every
 * inner loop runs over the batch, is a separate array and is vectorised by the JIT: see
 * {@code make bench}. (Rows of one big array at different offsets are not vectorised: the JIT cannot
 * rule out that they overlap.) The tests check these loops against {@code CommonOps_DDRM} to 1e-12.
 */
public final class Dense {
    private final int in;
    private final int out;
    private final Activation activation;
    private final Param weight;                       // W (out × in)
    private final Param bias;                         // b (out × 1)

    private double[][] x;                             // latest input (in × B), not owned
    private int batch;                                // B of the latest forward
    private double[][] z = new double[0][];           // pre-activation (out × B)
    private double[][] y = new double[0][];           // output (out × B)
    private double[][] dz = new double[0][];          // ∂L/∂Z (out × B)
    private double[][] dx = new double[0][];          // ∂L/∂X (in × B)

    /**
     * A layer {@code in → out} with activation f; W (out × in) filled by {@code weights} with fans
     * (in, out) and b (out × 1) by {@code biases} with fans (out, out): TensorFlow's convention for a
     * 1-D shape.
     */
    public Dense(String name, int in, int out, Activation activation, Initializer weights, Initializer biases, Rng rng) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("layer " + name + " must have at least 1 input and 1 output, got " + in + " → " + out);
        }
        this.in = in;
        this.out = out;
        this.activation = gan.Check.notNull("activation", activation);
        this.weight = Param.zeros(name + ".W", out, in);
        this.bias = Param.zeros(name + ".b", out, 1);
        weights.fill(weight.value(), in, out, rng);
        biases.fill(bias.value(), out, out, rng);
    }

    /**
     * Z = W·X + b on the first {@code batch} columns of {@code x} (in rows), and Y = f(Z) when
     * {@code activate}; otherwise Z is returned (the logits of a sigmoid output layer, from which the
     * GAN losses are computed). {@code x} not modified; the returned rows are this layer's and are
     * reused by the next call.
     */
    public double[][] forward(double[][] x, int batch, boolean activate) {
        if (x.length != in) {
            throw new IllegalArgumentException("layer " + weight.name() + " takes " + in + " inputs (rows) per sample, got " + x.length + " rows");
        }
        if (batch < 1 || x[0].length < batch) {
            throw new IllegalArgumentException("batch must be between 1 and the rows' length " + x[0].length + ", got " + batch);
        }
        this.x = x;
        this.batch = batch;
        z = ensure(z, out, batch);
        double[] w = weight.value().data, b = bias.value().data;
        for (int o = 0; o < out; o++) {                             // Z_o = b_o + Σ_k W_ok · X_k
            double[] zo = z[o];
            Arrays.fill(zo, 0, batch, b[o]);
            for (int k = 0; k < in; k++) {
                double wok = w[o * in + k];
                double[] xk = x[k];
                for (int j = 0; j < batch; j++) zo[j] += wok * xk[j];
            }
        }
        if (!activate) {
            return z;
        }
        y = ensure(y, out, batch);
        for (int o = 0; o < out; o++) activation.forward(z[o], y[o], batch);   // Y = f(Z)
        return y;
    }

    /**
     * Backward from ∂L/∂Y (out × B): dZ = dY ⊙ f'(Z), then as {@link #backwardFromPreActivation}.
     * {@code dy} not modified.
     */
    public double[][] backward(double[][] dy, boolean paramGrads, boolean inputGrad) {
        checkGradShape(dy);
        if (activation == Activation.LINEAR) {                      // f'(Z) = 1: dZ is dY itself
            return backwardFromPreActivation(dy, paramGrads, inputGrad);
        }
        dz = ensure(dz, out, batch);
        for (int o = 0; o < out; o++) activation.backward(z[o], y[o], dy[o], dz[o], batch);   // dZ = dY ⊙ f'(Z)
        return backwardFromPreActivation(dz, paramGrads, inputGrad);
    }

    /**
     * Backward from ∂L/∂Z (out × B) directly, as the GAN losses do from the logits. {@code dZ} not
     * modified.
     *
     * @param paramGrads write dW = dZ·Xᵀ into W.grad and db = Σ_columns dZ into b.grad
     * @param inputGrad  compute and return dX = Wᵀ·dZ (this layer's rows, reused); otherwise return null
     */
    public double[][] backwardFromPreActivation(double[][] dZ, boolean paramGrads, boolean inputGrad) {
        checkGradShape(dZ);
        double[] w = weight.value().data;
        if (paramGrads) {
            double[] dw = weight.grad().data, db = bias.grad().data;
            for (int o = 0; o < out; o++) {
                double[] g = dZ[o];
                db[o] = sum(g, batch);                              // db_o = Σ_j dZ_oj
                int k = 0;
                for (; k + 3 < in; k += 4) {                        // dW_ok = dZ_o · X_k, four k at a time
                    dot4(g, x[k], x[k + 1], x[k + 2], x[k + 3], batch, dw, o * in + k);
                }
                for (; k < in; k++) dw[o * in + k] = dot(g, x[k], batch);
            }
        }
        if (!inputGrad) {
            return null;
        }
        dx = ensure(dx, in, batch);
        for (int k = 0; k < in; k++) Arrays.fill(dx[k], 0, batch, 0);
        for (int o = 0; o < out; o++) {                             // dX_k = Σ_o W_ok · dZ_o
            double[] g = dZ[o];
            for (int k = 0; k < in; k++) {
                double wok = w[o * in + k];
                double[] dxk = dx[k];
                for (int j = 0; j < batch; j++) dxk[j] += wok * g[j];
            }
        }
        return dx;
    }

    /**
     * {@code rows} if it has {@code count} rows of at least {@code n} entries, else new rows (with room
     * to grow): work rows are reallocated only when a larger batch comes.
     */
    public static double[][] ensure(double[][] rows, int count, int n) {
        if (rows.length != count || rows[0].length < n) {
            int capacity = rows.length == count ? Math.max(n, rows[0].length * 2) : n;
            rows = new double[count][capacity];
        }
        return rows;
    }

    /** Σ a[0..n), in four interleaved partial sums (a fixed order, so results are reproducible). */
    private static double sum(double[] a, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j];
            s1 += a[j + 1];
            s2 += a[j + 2];
            s3 += a[j + 3];
        }
        for (; j < n; j++) s0 += a[j];
        return (s0 + s1) + (s2 + s3);
    }

    /** a · b over [0, n), in two interleaved partial sums. */
    private static double dot(double[] a, double[] b, int n) {
        double s0 = 0, s1 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
        }
        for (; j < n; j++) s0 += a[j] * b[j];
        return s0 + s1;
    }

    /**
     * out[at..at+4) = g · b0, g · b1, g · b2, g · b3 over [0, n): g is loaded once for four products and
     * four independent sums are in flight (a reduction is not vectorised by the JIT; this keeps it busy).
     */
    private static void dot4(double[] g, double[] b0, double[] b1, double[] b2, double[] b3, int n, double[] out, int at) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int j = 0; j < n; j++) {
            double gj = g[j];
            s0 += gj * b0[j];
            s1 += gj * b1[j];
            s2 += gj * b2[j];
            s3 += gj * b3[j];
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
    }

    private void checkGradShape(double[][] g) {
        if (x == null || g.length != out || g[0].length < batch) {
            throw new IllegalArgumentException("layer " + weight.name() + " expects a gradient of " + out + " rows of at least "
                    + batch + " (its latest forward), got " + g.length + " rows" + (g.length > 0 ? " of " + g[0].length : ""));
        }
    }

    /** Z of the latest forward (out rows × B); for a sigmoid output layer these are the logits. Not a copy. */
    public double[][] preActivation() {
        return z;
    }

    /** B of the latest forward. */
    public int batch() {
        return batch;
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    public Activation activation() {
        return activation;
    }

    /** W (out × in). */
    public Param weight() {
        return weight;
    }

    /** b (out × 1). */
    public Param bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "Dense[" + in + " → " + out + ", " + activation.name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
