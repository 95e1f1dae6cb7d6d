package gan.nn;

/**
 * The unrolled loops behind {@link Dense}: unchecked fast paths (EJML's {@code unsafe_} habit). They check
 * no shapes or lengths; {@link Dense} has checked them before it calls. Every inner loop runs over the
 * batch (j) on separate arrays (one row per unit), so the JIT vectorises the element-wise ones
 * ({@code unsafe_add4}, {@code unsafe_add2}, {@code unsafe_add1}) and keeps the reductions' sums in
 * registers ({@code unsafe_dot…}, {@code unsafe_sum}). Rows of one big array at different offsets would
 * not be vectorised: the JIT cannot rule out that they overlap.
 *
 * <p>The order of every sum is part of the contract: a training run's numbers, bit for bit, depend on
 * it ({@code BitIdentityTest}). No {@link Math#fma}, no reordered or re-associated sums. What each
 * loop shape bought is in {@code bench/README.md}.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /**
     * Z_o = b_o + Σ_k W_ok·X_k over the first n columns, W row-major (out × in) with row o at {@code row}:
     * the first four k write Z_o = b_o + (…), the next fours add to it, then a pair and a single for the
     * rest of in. {@code zo} modified.
     */
    static void unsafe_affineRow(double[] zo, double bo, double[] w, int row, double[][] x, int in, int n) {
        int k = 0;
        for (; k + 3 < in; k += 4) {                                    // four k per pass over Z_o
            unsafe_add4(zo, k == 0, bo, w[row + k], x[k], w[row + k + 1], x[k + 1], w[row + k + 2], x[k + 2], w[row + k + 3], x[k + 3], n);
        }
        for (; k + 1 < in; k += 2) unsafe_add2(zo, k == 0, bo, w[row + k], x[k], w[row + k + 1], x[k + 1], n);
        if (k < in) unsafe_add1(zo, k == 0, bo, w[row + k], x[k], n);
    }

    /** a[j] = (first ? base : a[j]) + (w0·x0[j] + w1·x1[j] + w2·x2[j] + w3·x3[j]) for j &lt; n: one pass over a for four products. */
    static void unsafe_add4(double[] a, boolean first, double base, double w0, double[] x0, double w1, double[] x1,
            double w2, double[] x2, double w3, double[] x3, int n) {
        if (first) {
            for (int j = 0; j < n; j++) a[j] = base + (w0 * x0[j] + w1 * x1[j] + w2 * x2[j] + w3 * x3[j]);
        } else {
            for (int j = 0; j < n; j++) a[j] += w0 * x0[j] + w1 * x1[j] + w2 * x2[j] + w3 * x3[j];
        }
    }

    /** a[j] = (first ? base : a[j]) + (w0·x0[j] + w1·x1[j]) for j &lt; n. */
    static void unsafe_add2(double[] a, boolean first, double base, double w0, double[] x0, double w1, double[] x1, int n) {
        if (first) {
            for (int j = 0; j < n; j++) a[j] = base + (w0 * x0[j] + w1 * x1[j]);
        } else {
            for (int j = 0; j < n; j++) a[j] += w0 * x0[j] + w1 * x1[j];
        }
    }

    /** a[j] = (first ? base : a[j]) + w0·x0[j] for j &lt; n. */
    static void unsafe_add1(double[] a, boolean first, double base, double w0, double[] x0, int n) {
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
    static double unsafe_sum(double[] a, int n) {
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
    static double unsafe_dot(double[] a, double[] b, int n) {
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
    static void unsafe_dot4x2(double[] g0, double[] g1, double[] g2, double[] g3, double[] x0, double[] x1, int n,
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
    static void unsafe_dot4x1(double[] g0, double[] g1, double[] g2, double[] g3, double[] x0, int n, double[] out, int at, int stride) {
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
    static void unsafe_dot2x4(double[] g0, double[] g1, double[] x0, double[] x1, double[] x2, double[] x3, int n,
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
    static void unsafe_dot1x8(double[] g, double[][] x, int k, int n, double[] out, int at) {
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

}
