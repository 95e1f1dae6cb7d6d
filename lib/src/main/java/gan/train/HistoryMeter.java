package gan.train;

import gan.stats.Samples;
import gan.Rng;
import gan.nn.Activation;
import gan.nn.Dense;
import gan.nn.Mlp;
import gan.stats.Divergences;
import java.util.Arrays;

/**
 * Measures a {@link HistoryRow}: the losses and mean D on the whole real data and an equally large fresh
 * sample of fakes, drawn from the stream "history@e" of the seed (so measuring does not change training,
 * and the row of epoch e is the same however often history is measured), and the histogram KL(real ‖ fake).
 */
final class HistoryMeter {
    private final GanConfig config;
    private final double[][] real;                  // (d × n), the trainer's
    private final int n;
    private final Mlp d;
    private final Sampler sampler;
    private double[][] dInput = new double[0][];    // [real, fakes] (d × 2n)

    HistoryMeter(GanConfig config, double[][] real, int n, Mlp d, Sampler sampler) {
        this.config = config;
        this.real = real;
        this.n = n;
        this.d = d;
        this.sampler = sampler;
    }

    /** The row after {@code epoch} completed epochs (its losses may be non-finite: the trainer checks). */
    HistoryRow measure(int epoch) {
        int dim = real.length;
        double[][] fakeRows = sampler.sample(n, Rng.derive(config.seed(), "history@" + epoch));
        dInput = Dense.ensure(dInput, dim, 2 * n);
        for (int j = 0; j < dim; j++) {
            System.arraycopy(real[j], 0, dInput[j], 0, n);
            for (int r = 0; r < n; r++) dInput[j][n + r] = fakeRows[r][j];
        }
        double[] logits = d.forwardLogits(dInput, 2 * n)[0];
        double dLoss = Losses.discriminatorLoss(logits, n, n);
        double gLoss = Losses.generatorLoss(config.algorithm().generatorLoss(), Arrays.copyOfRange(logits, n, 2 * n), n);
        double meanReal = 0, meanFake = 0;
        for (int i = 0; i < n; i++) meanReal += Activation.sigmoid(logits[i]);
        for (int i = n; i < 2 * n; i++) meanFake += Activation.sigmoid(logits[i]);
        double kl = divergence(Rows.sampleRows(real, n), fakeRows);
        return new HistoryRow(epoch, dLoss, gLoss, meanReal / n, meanFake / n, kl);
    }

    /** Histogram KL(real ‖ fake): 1-D and 2-D directly; for d ≥ 3 the mean of the d marginal KLs. */
    private double divergence(double[][] realRows, double[][] fakeRows) {
        int dim = real.length, bins = config.monitoring().klBins();
        if (dim == 1) {
            return Divergences.klHistogram(Samples.column(realRows, 0), Samples.column(fakeRows, 0), bins).value();
        }
        if (dim == 2) {
            return Divergences.klHistogram(realRows, fakeRows, bins).value();
        }
        double sum = 0;
        for (int j = 0; j < dim; j++) sum += Divergences.klHistogram(Samples.column(realRows, j), Samples.column(fakeRows, j), bins).value();
        return sum / dim;
    }
}
