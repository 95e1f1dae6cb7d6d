package gan.nn;

import gan.Rng;

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
 * <p>The loops are in {@link DenseKernels} (unchecked fast paths; this class checks the shapes). One
 * row per unit makes every inner loop run over the batch, on a separate array, which the JIT
 * vectorises; the backward pass works on blocks of four units, whose dZ rows give db, dW and dX while
 * they are in the L1 cache, so only four rows of dZ are ever stored. The tests check the results
 * against EJML's {@code CommonOps_DDRM} and whole training runs bit for bit ({@code BitIdentityTest}).
 * What each of these choices bought, measured, is in {@code bench/README.md}.
 */
public final class Dense {
    /** Output units per block of the backward pass. */
    private static final int BLOCK = 4;

    private final int in;
    private final int out;
    private final Activation activation;
    private final Param weight;                       // W (out × in)
    private final Param bias;                         // b (out × 1)

    private double[][] x;                             // latest input (in × B), not owned
    private int batch;                                // B of the latest forward
    private double[][] z = new double[0][];           // pre-activation (out × B)
    private double[][] y = new double[0][];           // output (out × B)
    private double[][] dz = new double[0][];          // ∂L/∂Z of one block of units (≤ BLOCK × B)
    private final double[][] block = new double[BLOCK][];   // the block's dZ rows (dz's, or the caller's)
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
     * GAN losses are computed).
     *
     * <p>Modified: this layer's Z (and Y) rows, which it returns; the next call overwrites them. Not
     * modified: {@code x}, which the layer keeps a reference to for {@code backward}.
     */
    public double[][] forward(double[][] x, int batch, boolean activate) {
        checkInput(x, batch);
        this.x = x;                                                      // X              (in × B), for backward
        this.batch = batch;
        z = ensure(z, out, batch);                                       // Z              (out × B)
        if (activate) y = ensure(y, out, batch);                         // Y              (out × B)
        double[] w = weight.value().data, b = bias.value().data;         // W row-major    (out × in), b (out)
        for (int o = 0; o < out; o++) {
            DenseKernels.unsafe_affineRow(z[o], b[o], w, o * in, x, in, batch);   // Z_o = b_o + Σ_k W_ok·X_k   (1 × B)
            if (activate) activation.forward(z[o], y[o], batch);           // Y_o = f(Z_o)   (1 × B), while Z_o is in cache
        }
        return activate ? y : z;
    }

    /**
     * Backward from ∂L/∂Y (out × B): dZ = dY ⊙ f'(Z), then as {@link #backwardFromPreActivation}.
     * Modified: W.grad and b.grad (when {@code paramGrads}), this layer's dX rows (returned when
     * {@code inputGrad}; the next call overwrites them). Not modified: {@code dy}.
     */
    public double[][] backward(double[][] dy, boolean paramGrads, boolean inputGrad) {
        checkGradShape(dy);
        return backwardInBlocks(dy, activation != Activation.LINEAR, paramGrads, inputGrad);   // LINEAR: f'(Z) = 1, dZ is dY
    }

    /**
     * Backward from ∂L/∂Z (out × B) directly, as the GAN losses do from the logits. Modified and not
     * modified as {@link #backward}; {@code dZ} not modified.
     *
     * @param paramGrads write dW = dZ·Xᵀ into W.grad and db = Σ_columns dZ into b.grad
     * @param inputGrad  compute and return dX = Wᵀ·dZ (this layer's rows, reused); otherwise return null
     */
    public double[][] backwardFromPreActivation(double[][] dZ, boolean paramGrads, boolean inputGrad) {
        checkGradShape(dZ);
        return backwardInBlocks(dZ, false, paramGrads, inputGrad);
    }

    /**
     * The backward pass, a block of r ≤ 4 output units o..o+r−1 at a time: the block's dZ rows are made
     * (dZ_o = dY_o ⊙ f'(Z_o) when {@code throughActivation}, else dZ_o = g_o) and, while they are in
     * cache, give db_o, their rows of dW and their share of dX.
     */
    private double[][] backwardInBlocks(double[][] g, boolean throughActivation, boolean paramGrads, boolean inputGrad) {
        double[] w = weight.value().data, dw = weight.grad().data, db = bias.grad().data;
        if (inputGrad) dx = ensure(dx, in, batch);                                       // dX             (in × B)
        if (throughActivation) dz = ensure(dz, Math.min(out, BLOCK), batch);             // dZ of a block  (≤ 4 × B)
        double[][] rows = block;
        for (int o = 0; o < out; o += rowsIn(o)) {
            int r = rowsIn(o);
            for (int i = 0; i < r; i++) {
                if (throughActivation) {
                    activation.backward(z[o + i], y[o + i], g[o + i], dz[i], batch);      // dZ_o = dY_o ⊙ f'(Z_o)   (1 × B)
                    rows[i] = dz[i];
                } else {
                    rows[i] = g[o + i];                                             //   (or dZ_o = g_o, given)
                }
            }
            if (paramGrads) {
                for (int i = 0; i < r; i++) db[o + i] = DenseKernels.unsafe_sum(rows[i], batch);   // db_o = Σ_j dZ_oj          (1)
                weightGradients(rows, r, o, dw);                                        // dW_ok = dZ_o · X_k          (r × in)
            }
            if (inputGrad) {                                                        // dX_k += Σ_{o in block} W_ok · dZ_o   (in × B)
                for (int k = 0; k < in; k++) {
                    double[] dxk = dx[k];
                    if (r == 4) {
                        DenseKernels.unsafe_add4(dxk, o == 0, 0, w[o * in + k], rows[0], w[(o + 1) * in + k], rows[1],
                                w[(o + 2) * in + k], rows[2], w[(o + 3) * in + k], rows[3], batch);
                    } else if (r == 2) {
                        DenseKernels.unsafe_add2(dxk, o == 0, 0, w[o * in + k], rows[0], w[(o + 1) * in + k], rows[1], batch);
                    } else {
                        DenseKernels.unsafe_add1(dxk, o == 0, 0, w[o * in + k], rows[0], batch);
                    }
                }
            }
        }
        return inputGrad ? dx : null;
    }

    /**
     * dW_ok = dZ_o · X_k for the r ∈ {1, 2, 4} rows {@code g} of dZ of units o, o+1, …: each
     * product summed in order over the batch, in register blocks of eight sums (4 units × 2 inputs, 2 × 4
     * or 1 × 8). An instance method on purpose: as a static kernel with x and in as arguments the backward
     * pass of G's 10→128 layer ran 17% slower (bench/README.md).
     */
    private void weightGradients(double[][] g, int r, int o, double[] dw) {
        int k = 0;
        if (r == 4) {
            for (; k + 1 < in; k += 2) DenseKernels.unsafe_dot4x2(g[0], g[1], g[2], g[3], x[k], x[k + 1], batch, dw, o * in + k, in);
            if (k < in) DenseKernels.unsafe_dot4x1(g[0], g[1], g[2], g[3], x[k], batch, dw, o * in + k, in);
        } else if (r == 2) {
            for (; k + 3 < in; k += 4) DenseKernels.unsafe_dot2x4(g[0], g[1], x[k], x[k + 1], x[k + 2], x[k + 3], batch, dw, o * in + k, in);
            for (; k < in; k++) {
                dw[o * in + k] = DenseKernels.unsafe_dot(g[0], x[k], batch);
                dw[(o + 1) * in + k] = DenseKernels.unsafe_dot(g[1], x[k], batch);
            }
        } else {
            for (; k + 7 < in; k += 8) DenseKernels.unsafe_dot1x8(g[0], x, k, batch, dw, o * in + k);
            for (; k < in; k++) dw[o * in + k] = DenseKernels.unsafe_dot(g[0], x[k], batch);
        }
    }

    /** Output units in the block that starts at unit o: 4, or 2 or 1 for the last ones. */
    private int rowsIn(int o) {
        int left = out - o;
        return left >= 4 ? 4 : left >= 2 ? 2 : 1;
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

    private void checkInput(double[][] x, int batch) {
        if (x.length != in) {
            throw new IllegalArgumentException("layer " + weight.name() + " takes " + in + " inputs (rows) per sample, got " + x.length + " rows");
        }
        if (batch < 1 || x[0].length < batch) {
            throw new IllegalArgumentException("batch must be between 1 and the rows' length " + x[0].length + ", got " + batch);
        }
    }

    private void checkGradShape(double[][] g) {
        if (x == null || g.length != out || g[0].length < batch) {
            throw new IllegalArgumentException("layer " + weight.name() + " expects a gradient of " + out + " rows of at least "
                    + batch + " (its latest forward), got " + g.length + " rows" + (g.length > 0 ? " of " + g[0].length : ""));
        }
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
