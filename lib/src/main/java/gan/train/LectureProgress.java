package gan.train;

import gan.stats.LectureKl;
import java.util.Locale;

/**
 * One progress line of the lecture's practice file 6-1.GAN(Normal).py, measured the way that file measures it
 * (lines 117–135):
 *
 * <pre>
 *   bx = realData[nFrom : nTo]                          # line 117: the epoch's LAST mini-batch (200 points)
 *   bz = getNoise(m=bx.shape[0], n=nGInput)             # line 118: its noise
 *   ... sess.run([trainD, D_loss]) / sess.run([trainG, G_loss])   # lines 122, 126: loss of that step
 *   if i % 100 == 0:                                    # line 130: after epoch i (0-based)
 *       p, q, kld = KL(bx, sess.run(Gz, feed_dict={z : bz}))      # line 131
 *       print("%d) D-loss = %.4f, G-loss = %.4f, KL = %.4f" % (i, lossDHist, lossGHist, kld))   # line 135
 * </pre>
 *
 * So the losses are not measured on the data set: {@code dLoss} is the D-loss of the last D step (on its own
 * mini-batch, before that step's update, as {@code sess.run} evaluates it), {@code gLoss} the G-loss of the last
 * G step; and the KL compares the last mini-batch's real points with G of the same noise vectors, after the
 * epoch's last update, using the file's own {@code KL} (lines 21–32: 50 bins over the real points' range, NaN as
 * soon as a real bin is empty). {@code klPlusEpsilon} is the chapter 10 script's variant of that function (1e-8
 * added after normalising; never NaN). The file's losses add 1e-8 inside each log ({@code myLog}, line 36) and run
 * in float32; the difference is below 10⁻⁷ at D ≈ ½.
 *
 * <p>Recorded by {@link Trainer#onLectureProgress}; training is the same with or without it.
 *
 * @param epoch         the lecture's {@code i}: 0-based index of the epoch just finished
 * @param dLoss         D-loss of the last D step so far (NaN before the first)
 * @param gLoss         G-loss of the last G step so far (NaN before the first)
 * @param kl            {@link LectureKl#of}(realBatch, fakeBatch): NaN when a real bin is empty
 * @param klPlusEpsilon {@link LectureKl#plusEpsilon}(realBatch, fakeBatch)
 * @param realBatch     the epoch's last mini-batch of real points (a copy)
 * @param fakeBatch     G of that mini-batch's noise, after the epoch's last update (a copy)
 */
public record LectureProgress(int epoch, double dLoss, double gLoss, double kl, double klPlusEpsilon,
        double[] realBatch, double[] fakeBatch) {

    /** The line exactly as the practice file prints it, e.g. {@code 9800) D-loss = 1.3864, G-loss = 0.6938, KL = nan}. */
    public String line() {
        return epoch + ") D-loss = " + python4(dLoss) + ", G-loss = " + python4(gLoss) + ", KL = " + python4(kl);
    }

    /** Python's {@code "%.4f" % v}: {@code nan}, {@code inf} and {@code -inf} where Java writes NaN and Infinity. */
    public static String python4(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * The progress line of a given mini-batch: the file's KL and its chapter 10 variant of {@code realBatch}
     * against {@code fakeBatch} (both copied), with the given step losses.
     */
    public static LectureProgress of(int epoch, double dLoss, double gLoss, double[] realBatch, double[] fakeBatch) {
        double[] r = realBatch.clone(), f = fakeBatch.clone();
        return new LectureProgress(epoch, dLoss, gLoss, LectureKl.of(r, f).kld(),
                LectureKl.plusEpsilon(r, f).kld(), r, f);
    }

    /** What {@link Trainer#onLectureProgress} keeps: the cadence, the listener and the last step losses. */
    static final class Probe {
        private final int every;
        private final java.util.function.Consumer<LectureProgress> listener;
        private double lastDStepLoss = Double.NaN;          // D-loss of the last D step (before its update)
        private double lastGStepLoss = Double.NaN;          // G-loss of the last G step (before its update)

        Probe(int every, java.util.function.Consumer<LectureProgress> listener) {
            this.every = every;
            this.listener = listener;
        }

        int every() {
            return every;
        }

        void dStep(double loss) {
            lastDStepLoss = loss;
        }

        void gStep(double loss) {
            lastGStepLoss = loss;
        }

        void report(int epoch, double[] realBatch, double[] fakeBatch) {
            listener.accept(of(epoch, lastDStepLoss, lastGStepLoss, realBatch, fakeBatch));
        }
    }
}
