package gan.finance;

import gan.Check;
import gan.stats.Samples;

/**
 * A series standardised as z = (x − mean) / std, with the mean and std that were used, so that generated
 * values can be mapped back ({@link #restore}) and new data scaled the same way ({@link #apply}).
 * Made by {@link #of}.
 * The array belongs to this record: do not modify it.
 *
 * @param z    the standardised values
 * @param mean the mean subtracted
 * @param std  the standard deviation divided by (population, ddof = 0, as numpy's {@code x.std()})
 */
public record Standardized(double[] z, double mean, double std) {

    /**
     * z_i = (x_i − mean) / std with mean = (1/n) Σ x_i and std = sqrt((1/n) Σ (x_i − mean)²) (population,
     * numpy's {@code x.std()}); returns the mean and std used.
     *
     * @param x at least 2 values, finite, not all equal (std &gt; 0). Not modified.
     */
    public static Standardized of(double[] x) {
        Check.finiteValues("x", x);
        if (x.length < 2) {
            throw new IllegalArgumentException("x must have at least 2 values to standardise, got " + x.length);
        }
        double mean = Samples.mean(x);
        double std = Samples.std(x, 0);
        if (!(std > 0)) {
            throw new IllegalArgumentException("x has zero spread (all " + x.length + " values equal " + x[0]
                    + "), so it cannot be standardised");
        }
        return new Standardized(scale(x, mean, std), mean, std);
    }

    /** x = mean + std · z for every entry (e.g. generated returns back to return units). z: not modified. */
    public double[] restore(double[] z) {
        Check.finiteValues("z", z);
        double[] x = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = mean + std * z[i];
        }
        return x;
    }

    /** (x − mean) / std with this record's mean and std. x: not modified. */
    public double[] apply(double[] x) {
        Check.finiteValues("x", x);
        return scale(x, mean, std);
    }

    /** (x_i − mean) / std for every entry, a new array: the one standardisation loop. */
    private static double[] scale(double[] x, double mean, double std) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean) / std;
        }
        return z;
    }
}
