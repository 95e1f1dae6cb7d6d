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
 * <p><b>Why this layout and these loops</b> (measured on the lecture's example 1, one training step,
 * 2-core AMD EPYC, Java 17): EJML's {@code CommonOps_DDRM} on samples-as-rows matrices, 79 µs; plain
 * loops on samples-as-rows, 64 µs (inner loops only 1 to 8 long); one contiguous row per unit, so every
 * inner loop runs over the batch, is a separate array and is vectorised by the JIT, 23 µs. (Rows of one
 * big array at different offsets are not vectorised: the JIT cannot rule out that they overlap.) The
 * tests check these loops against {@code CommonOps_DDRM} to 1e-12.
 *
 * <p><b>What the loop order bought</b> (issue 7; thread CPU time per training step after JIT warm-up,
 * median over 3 × 10 stretches of training, same machine, same hour; {@code make bench} has the
 * end-to-end figures against PyTorch): example 1 23.5 → 17.4 µs, example 2 337 → 224 µs. From:
 * <ul>
 *   <li>dW = dZ·Xᵀ is a dot product over the batch per entry, a reduction, which the JIT does not
 *       vectorise; its speed is set by how many sums are in flight (an addition waits 3 cycles for the
 *       previous one). Four sums per loop ran at 0.33–0.39 ns per multiply-add on G's 10→128 layer
 *       and 0.67–0.93 on D's 2→128 layer (there only two inputs, so one or two sums); register blocks
 *       of eight sums (4 units × 2 inputs, 2 × 4 or 1 × 8; {@code dot4x2} …) run at 0.23–0.32 and
 *       0.28.</li>
 *   <li>Z_o and dX_k take four products per pass over their row ({@code add4}): 0.136 → 0.095 ns per
 *       multiply-add on 10→128, and the first pass writes instead of adding to a filled row.</li>
 *   <li>The backward pass runs over blocks of four units: their dZ rows are made, summed (db) and used
 *       for dW and dX while they are in the L1 cache, and only those four rows of dZ are stored
 *       instead of out × B (a 128 × 400 dZ is 410 kB, more than the 512 kB L2 cache holds beside Z and
 *       Y). Y = f(Z) is applied to each row right after the row is made.</li>
 *   <li>db with eight partial sums instead of four: 0.25 → 0.18 ns per element.</li>
 * </ul>
 * Tried and dropped: dW through a transposed dZ (sample-major, so the accumulation over units is a
 * vectorised axpy): the transpose costs what the axpy saves (57 vs 59 µs on 10→128); two units per
 * forward pass (slower on 10→128); keeping Y in Z's rows for ReLU layers saved about 5% on example 2
 * but would change what {@link #preActivation()} returns.
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
        if (activate) {
            y = ensure(y, out, batch);
        }
        double[] w = weight.value().data, b = bias.value().data;
        for (int o = 0; o < out; o++) {                             // Z_o = b_o + Σ_k W_ok · X_k   (1 × B)
            double[] zo = z[o];
            int row = o * in, k = 0;
            for (; k + 3 < in; k += 4) {                            // four k per pass over Z_o
                add4(zo, k == 0, b[o], w[row + k], x[k], w[row + k + 1], x[k + 1], w[row + k + 2], x[k + 2], w[row + k + 3], x[k + 3], batch);
            }
            for (; k + 1 < in; k += 2) add2(zo, k == 0, b[o], w[row + k], x[k], w[row + k + 1], x[k + 1], batch);
            if (k < in) add1(zo, k == 0, b[o], w[row + k], x[k], batch);
            if (activate) activation.forward(zo, y[o], batch);       // Y_o = f(Z_o), while Z_o is in cache
        }
        return activate ? y : z;
    }

    /**
     * Backward from ∂L/∂Y (out × B): dZ = dY ⊙ f'(Z), then as {@link #backwardFromPreActivation}.
     * {@code dy} not modified.
     */
    public double[][] backward(double[][] dy, boolean paramGrads, boolean inputGrad) {
        checkGradShape(dy);
        return backwardInBlocks(dy, activation != Activation.LINEAR, paramGrads, inputGrad);   // LINEAR: f'(Z) = 1, dZ is dY
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
        return backwardInBlocks(dZ, false, paramGrads, inputGrad);
    }

    /**
     * The backward pass, a block of up to four output units at a time: the block's dZ rows are made
     * (dZ_o = dY_o ⊙ f'(Z_o) when {@code throughActivation}, else dZ_o = g_o), then, while they are in
     * cache, give db_o, their rows of dW and their share of dX. Only four rows of dZ are ever stored.
     */
    private double[][] backwardInBlocks(double[][] g, boolean throughActivation, boolean paramGrads, boolean inputGrad) {
        double[] w = weight.value().data, dw = weight.grad().data, db = bias.grad().data;
        if (inputGrad) {
            dx = ensure(dx, in, batch);
        }
        if (throughActivation) {
            dz = ensure(dz, Math.min(out, BLOCK), batch);
        }
        double[][] rows = block;
        for (int o = 0; o < out; o += rowsIn(o)) {
            int r = rowsIn(o);
            for (int i = 0; i < r; i++) {
                if (throughActivation) {
                    activation.backward(z[o + i], y[o + i], g[o + i], dz[i], batch);   // dZ_o = dY_o ⊙ f'(Z_o)
                    rows[i] = dz[i];
                } else {
                    rows[i] = g[o + i];
                }
            }
            if (paramGrads) {
                for (int i = 0; i < r; i++) db[o + i] = sum(rows[i], batch);          // db_o = Σ_j dZ_oj
                weightGradients(rows, r, o, dw);                                      // dW_ok = dZ_o · X_k
            }
            if (inputGrad) {                                                          // dX_k += Σ_{o in block} W_ok · dZ_o
                for (int k = 0; k < in; k++) {
                    double[] dxk = dx[k];
                    if (r == 4) {
                        add4(dxk, o == 0, 0, w[o * in + k], rows[0], w[(o + 1) * in + k], rows[1], w[(o + 2) * in + k], rows[2],
                                w[(o + 3) * in + k], rows[3], batch);
                    } else if (r == 2) {
                        add2(dxk, o == 0, 0, w[o * in + k], rows[0], w[(o + 1) * in + k], rows[1], batch);
                    } else {
                        add1(dxk, o == 0, 0, w[o * in + k], rows[0], batch);
                    }
                }
            }
        }
        return inputGrad ? dx : null;
    }

    /** Output units in the block that starts at unit o: 4, or 2 or 1 for the last ones. */
    private int rowsIn(int o) {
        int left = out - o;
        return left >= 4 ? 4 : left >= 2 ? 2 : 1;
    }

    /**
     * dW_ok = dZ_o · X_k (a dot product over the batch) for the r ∈ {1, 2, 4} rows {@code g} of dZ that
     * belong to units o, o+1, …; each product is summed in order over the batch. Register blocks of eight
     * products at a time (4 units × 2 inputs, 2 × 4, or 1 × 8) keep eight independent sums in flight.
     */
    private void weightGradients(double[][] g, int r, int o, double[] dw) {
        int k = 0;
        if (r == 4) {
            for (; k + 1 < in; k += 2) dot4x2(g[0], g[1], g[2], g[3], x[k], x[k + 1], batch, dw, o * in + k, in);
            if (k < in) dot4x1(g[0], g[1], g[2], g[3], x[k], batch, dw, o * in + k, in);
        } else if (r == 2) {
            for (; k + 3 < in; k += 4) dot2x4(g[0], g[1], x[k], x[k + 1], x[k + 2], x[k + 3], batch, dw, o * in + k, in);
            for (; k < in; k++) {
                dw[o * in + k] = dot(g[0], x[k], batch);
                dw[(o + 1) * in + k] = dot(g[1], x[k], batch);
            }
        } else {
            for (; k + 7 < in; k += 8) dot1x8(g[0], x, k, batch, dw, o * in + k);
            for (; k < in; k++) dw[o * in + k] = dot(g[0], x[k], batch);
        }
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

    // ---- kernels: every inner loop runs over the batch (j), on separate arrays, so the JIT vectorises
    // the element-wise ones (add4, add2, add1) and keeps the reductions' sums in registers.

    /** a[j] = (first ? base : a[j]) + (w0·x0[j] + w1·x1[j] + w2·x2[j] + w3·x3[j]) for j &lt; n: one pass over a for four products. */
    private static void add4(double[] a, boolean first, double base, double w0, double[] x0, double w1, double[] x1,
            double w2, double[] x2, double w3, double[] x3, int n) {
        if (first) {
            for (int j = 0; j < n; j++) a[j] = base + (w0 * x0[j] + w1 * x1[j] + w2 * x2[j] + w3 * x3[j]);
        } else {
            for (int j = 0; j < n; j++) a[j] += w0 * x0[j] + w1 * x1[j] + w2 * x2[j] + w3 * x3[j];
        }
    }

    /** a[j] = (first ? base : a[j]) + (w0·x0[j] + w1·x1[j]) for j &lt; n. */
    private static void add2(double[] a, boolean first, double base, double w0, double[] x0, double w1, double[] x1, int n) {
        if (first) {
            for (int j = 0; j < n; j++) a[j] = base + (w0 * x0[j] + w1 * x1[j]);
        } else {
            for (int j = 0; j < n; j++) a[j] += w0 * x0[j] + w1 * x1[j];
        }
    }

    /** a[j] = (first ? base : a[j]) + w0·x0[j] for j &lt; n. */
    private static void add1(double[] a, boolean first, double base, double w0, double[] x0, int n) {
        if (first) {
            for (int j = 0; j < n; j++) a[j] = base + w0 * x0[j];
        } else {
            for (int j = 0; j < n; j++) a[j] += w0 * x0[j];
        }
    }

    /**
     * Σ a[0..n), in eight interleaved partial sums (a fixed order, so results are reproducible): eight
     * additions in flight hide the adder's latency; four were 40% slower.
     */
    private static double sum(double[] a, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += a[j];
            s1 += a[j + 1];
            s2 += a[j + 2];
            s3 += a[j + 3];
            s4 += a[j + 4];
            s5 += a[j + 5];
            s6 += a[j + 6];
            s7 += a[j + 7];
        }
        for (; j < n; j++) s0 += a[j];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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

    /** out[at + r·stride + c] = g_r · x_c over [0, n) for four rows g_r and two rows x_c: eight sums, six loads per j. */
    private static void dot4x2(double[] g0, double[] g1, double[] g2, double[] g3, double[] x0, double[] x1, int n,
            double[] out, int at, int stride) {
        double s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
        for (int j = 0; j < n; j++) {
            double u = x0[j], v = x1[j], a = g0[j], b = g1[j], c = g2[j], d = g3[j];
            s00 += a * u;
            s01 += a * v;
            s10 += b * u;
            s11 += b * v;
            s20 += c * u;
            s21 += c * v;
            s30 += d * u;
            s31 += d * v;
        }
        out[at] = s00;
        out[at + 1] = s01;
        out[at + stride] = s10;
        out[at + stride + 1] = s11;
        out[at + 2 * stride] = s20;
        out[at + 2 * stride + 1] = s21;
        out[at + 3 * stride] = s30;
        out[at + 3 * stride + 1] = s31;
    }

    /** out[at + r·stride] = g_r · x0 over [0, n) for four rows g_r. */
    private static void dot4x1(double[] g0, double[] g1, double[] g2, double[] g3, double[] x0, int n, double[] out, int at, int stride) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int j = 0; j < n; j++) {
            double u = x0[j];
            s0 += g0[j] * u;
            s1 += g1[j] * u;
            s2 += g2[j] * u;
            s3 += g3[j] * u;
        }
        out[at] = s0;
        out[at + stride] = s1;
        out[at + 2 * stride] = s2;
        out[at + 3 * stride] = s3;
    }

    /** out[at + r·stride + c] = g_r · x_c over [0, n) for two rows g_r and four rows x_c: eight sums, six loads per j. */
    private static void dot2x4(double[] g0, double[] g1, double[] x0, double[] x1, double[] x2, double[] x3, int n,
            double[] out, int at, int stride) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int j = 0; j < n; j++) {
            double a = g0[j], b = g1[j], u0 = x0[j], u1 = x1[j], u2 = x2[j], u3 = x3[j];
            s00 += a * u0;
            s01 += a * u1;
            s02 += a * u2;
            s03 += a * u3;
            s10 += b * u0;
            s11 += b * u1;
            s12 += b * u2;
            s13 += b * u3;
        }
        out[at] = s00;
        out[at + 1] = s01;
        out[at + 2] = s02;
        out[at + 3] = s03;
        out[at + stride] = s10;
        out[at + stride + 1] = s11;
        out[at + stride + 2] = s12;
        out[at + stride + 3] = s13;
    }

    /** out[at + c] = g · x[k + c] over [0, n) for c &lt; 8: eight sums, nine loads per j. */
    private static void dot1x8(double[] g, double[][] x, int k, int n, double[] out, int at) {
        double[] x0 = x[k], x1 = x[k + 1], x2 = x[k + 2], x3 = x[k + 3], x4 = x[k + 4], x5 = x[k + 5], x6 = x[k + 6], x7 = x[k + 7];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int j = 0; j < n; j++) {
            double a = g[j];
            s0 += a * x0[j];
            s1 += a * x1[j];
            s2 += a * x2[j];
            s3 += a * x3[j];
            s4 += a * x4[j];
            s5 += a * x5[j];
            s6 += a * x6[j];
            s7 += a * x7[j];
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
        out[at + 4] = s4;
        out[at + 5] = s5;
        out[at + 6] = s6;
        out[at + 7] = s7;
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
