package gan.data;

import gan.Check;

/**
 * A series standardised as z = (x − mean) / std, with the mean and std that were used, so that generated
 * values can be mapped back ({@link #restore}) and new data scaled the same way ({@link #apply}).
 * The array belongs to this record: do not modify it.
 *
 * @param z    the standardised values
 * @param mean the mean subtracted
 * @param std  the standard deviation divided by (population, ddof = 0, as numpy's {@code x.std()})
 */
public record Standardized(double[] z, double mean, double std) {

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
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean) / std;
        }
        return out;
    }
}
