package gan.train;

import gan.Check;
import gan.Rng;

/**
 * A 2-D GAN at one moment, as GAN Lab draws it: a sample of fakes G(z) and the discriminator's output
 * D(x) on a grid of the plane (its "decision surface"). Taken during training, e.g. at each checkpoint of
 * a {@link Sweep}, and drawn with {@code TheoryPlots.decisionSurface(s.xs(), s.ys(), s.d(), real, s.fakes())}.
 *
 * <pre>
 *   fakes[r] = G(z_r),  z_r ~ p_z, r = 0 … n−1      noise from Rng.derive(seed, "snapshot@" + epoch)
 *   d[j][i]  = D((xs[i], ys[j]))                      row j is ys[j], the layout plotly's heatmap takes
 * </pre>
 *
 * Taking a snapshot changes nothing in the trainer: no parameter, and no random stream (the noise has its
 * own stream, fixed by the seed and the epoch, so the same run gives the same snapshot).
 * The arrays belong to the record: do not modify them.
 *
 * @param epoch completed epochs when the snapshot was taken
 * @param fakes n × 2 generated points
 * @param xs    increasing x1 grid
 * @param ys    increasing x2 grid
 * @param d     ys.length × xs.length values of D, each in (0, 1)
 */
public record Snapshot(int epoch, double[][] fakes, double[] xs, double[] ys, double[][] d) {

    /**
     * Draws {@code fakes} points from the trainer's G and evaluates its D on the grid xs × ys.
     *
     * @param trainer a trainer of 2-D data. Not modified (its random streams included).
     * @param fakes   how many G(z) to draw, ≥ 1
     * @param xs      increasing, at least 2 values. Copied.
     * @param ys      increasing, at least 2 values. Copied.
     */
    public static Snapshot of(Trainer trainer, int fakes, double[] xs, double[] ys) {
        Check.notNull("trainer", trainer);
        if (trainer.config().dataDim() != 2) {
            throw new IllegalArgumentException("a snapshot needs a GAN of 2-D data (points in the plane); this one's data has "
                    + trainer.config().dataDim() + " dimensions");
        }
        Check.atLeast("fakes", fakes, 1);
        checkAxis("xs", xs);
        checkAxis("ys", ys);
        double[][] points = new double[xs.length * ys.length][];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) points[j * xs.length + i] = new double[] {xs[i], ys[j]};
        }
        double[] flat = trainer.discriminate(points);                              // (nx·ny), row j then column i
        double[][] d = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) System.arraycopy(flat, j * xs.length, d[j], 0, xs.length);
        double[][] g = trainer.generate(fakes, Rng.derive(trainer.config().seed(), "snapshot@" + trainer.epoch()));
        return new Snapshot(trainer.epoch(), g, xs.clone(), ys.clone(), d);
    }

    /**
     * {@code n} equally spaced values from {@code lo} to {@code hi}, both included: {@link gan.stats.Grid#linspace}.
     *
     * @param lo finite
     * @param hi finite, &gt; lo
     * @param n  ≥ 2
     */
    public static double[] grid(double lo, double hi, int n) {
        return gan.stats.Grid.linspace(lo, hi, n);
    }

    private static void checkAxis(String name, double[] axis) {
        Check.finiteValues(name, axis);
        if (axis.length < 2) {
            throw new IllegalArgumentException(name + " must have at least 2 values, got " + axis.length);
        }
        for (int i = 1; i < axis.length; i++) {
            if (!(axis[i] > axis[i - 1])) {
                throw new IllegalArgumentException(name + " must increase, got " + axis[i] + " after " + axis[i - 1] + " at index " + i);
            }
        }
    }
}
