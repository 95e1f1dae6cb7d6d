package gan.train;

/**
 * One row of training history, measured after {@code epoch} completed epochs on the whole real data set
 * and an equally large fresh sample of fakes (no parameter changes while measuring).
 *
 * @param epoch      completed epochs
 * @param dLoss      D-loss {@code −mean(log D(x)) − mean(log(1 − D(G(z))))}; log 4 = 1.3863 at equilibrium
 * @param gLoss      the generator loss being trained: non-saturating {@code −mean(log D(G(z)))} (→ log 2)
 *                   or saturating {@code mean(log(1 − D(G(z))))} (→ −log 2)
 * @param meanDReal  mean D(x) over the real data (→ 0.5)
 * @param meanDFake  mean D(G(z)) over the fakes (→ 0.5)
 * @param kl         histogram KL(real ‖ fake), in nats (see {@code gan.stats})
 */
public record HistoryRow(int epoch, double dLoss, double gLoss, double meanDReal, double meanDFake, double kl) {

    /** The five measured numbers in the record's order: {dLoss, gLoss, meanDReal, meanDFake, kl} (a new array). */
    public double[] measures() {
        return new double[] {dLoss, gLoss, meanDReal, meanDFake, kl};
    }

    /**
     * This row in the format of the lecture's progress line: {@code 100) D-loss = 1.3864, G-loss = 0.6938, KL = 0.0123}.
     * The numbers are measured our way (whole data set, fresh fakes, our KL); {@link LectureProgress} measures them
     * the practice file's way (the last mini-batch, its step losses, its KL).
     */
    public String progressLine() {
        return epoch + ") D-loss = " + fixed4(dLoss) + ", G-loss = " + fixed4(gLoss) + ", KL = " + fixed4(kl);
    }

    /** Largest magnitude {@link #fixed4} prints with four decimals; larger ones get an exponent. */
    public static final double FIXED_LIMIT = 1e6;

    /**
     * {@code v} with four decimals ({@code 1.3863}) when |v| &lt; {@value #FIXED_LIMIT}, else in scientific
     * notation ({@code 1.2346e+30}), so a huge but finite loss reads as such, not as a 30-digit number.
     */
    public static String fixed4(double v) {
        return String.format(java.util.Locale.ROOT, Math.abs(v) < FIXED_LIMIT || !Double.isFinite(v) ? "%.4f" : "%.4e", v);
    }
}
