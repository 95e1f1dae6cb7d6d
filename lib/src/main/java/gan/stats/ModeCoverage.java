package gan.stats;

import gan.Check;
import java.util.Locale;

/**
 * How a generator's samples spread over the modes of a mixture: the share of samples within
 * {@code radius} (Euclidean) of each mode's mean. For the lecture's four Gaussians with std 0.5 and
 * radius 1.5·0.5 = 0.75, a perfect generator puts 1 − e^(−1.125) = 67.5% of its samples near each
 * mode's mean times the mode's weight 1/4, i.e. about 16.9% per mode (the modes are 2 apart, so the
 * disks do not overlap; samples of a neighbouring mode add about 0.2%). A collapsed generator leaves
 * some modes near 0%.
 *
 * @param means     the modes' means (k × d); not copied
 * @param radius    the radius used
 * @param fractions share of all samples within the radius of each mode (k values in [0, 1])
 * @param total     share of samples within the radius of some mode
 */
public record ModeCoverage(double[][] means, double radius, double[] fractions, double total) {

    /** Counts, for each mode, the samples (n × d, not modified) within {@code radius} of its mean. */
    public static ModeCoverage of(double[][] samples, double[][] means, double radius) {
        Check.notNull("samples", samples);
        Check.notNull("means", means);
        if (samples.length == 0) throw new IllegalArgumentException("samples must not be empty");
        if (means.length == 0) throw new IllegalArgumentException("means must not be empty");
        Check.positive("radius", radius);
        return new Tally(means, radius).add(samples).result();
    }

    /** The smallest share of any mode. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double f : fractions) m = Math.min(m, f);
        return m;
    }

    /** Number of modes that receive at least {@code share} of the samples. */
    public int modesCovered(double share) {
        int c = 0;
        for (double f : fractions) if (f >= share) c++;
        return c;
    }

    /** e.g. "within 0.75 of (0, 0) 16.2%, (0, 2) 17.0%, (2, 0) 15.9%, (2, 2) 16.4%; near some mode 65.5%". */
    public String describe() {
        StringBuilder b = new StringBuilder("within " + num(radius) + " of ");
        for (int m = 0; m < means.length; m++) {
            b.append(m == 0 ? "" : ", ").append('(');
            for (int j = 0; j < means[m].length; j++) b.append(j == 0 ? "" : ", ").append(num(means[m][j]));
            b.append(String.format(Locale.ROOT, ") %.1f%%", 100 * fractions[m]));
        }
        return b.append(String.format(Locale.ROOT, "; near some mode %.1f%%", 100 * total)).toString();
    }

    /**
     * A mode counts as covered when it holds at least this fraction of its fair share of the near samples:
     * {@code fractions[j] / total ≥ COVERED_OF_FAIR / k} (for the ring of eight, 1/16 = 6.25% of the fakes that
     * are near some mode).
     */
    public static final double COVERED_OF_FAIR = 0.5;

    /**
     * Mode j's share of the samples that are near some mode, {@code fractions[j] / total} (0 for every mode
     * when no sample is near one). With disks that do not overlap these shares sum to 1; a perfect generator
     * gives each mode its weight (¼, ⅛).
     */
    public double[] sharesOfNear() {
        double[] s = new double[fractions.length];
        if (total > 0) {
            for (int j = 0; j < s.length; j++) s[j] = fractions[j] / total;
        }
        return s;
    }

    /**
     * The number of modes that hold at least {@link #COVERED_OF_FAIR} of their fair share of the near samples,
     * {@code fractions[j] / total ≥ COVERED_OF_FAIR / k}. It looks at where the near samples are, not how many
     * are near: a generator still blurred around all the modes covers them all, one that put every near sample
     * on one mode covers one. How many samples are near some mode ({@link #total()}) is reported apart.
     */
    public int modesCovered() {
        int c = 0;
        for (double f : sharesOfNear()) if (total > 0 && f >= COVERED_OF_FAIR / fractions.length) c++;
        return c;
    }

    /**
     * The one definition of "collapsed" the mode-collapse notebook uses: some mode is missed,
     * {@link #modesCovered()} &lt; k. How many modes remain says how far the collapse has gone (1: onto one
     * mode, 0: no sample near any mode).
     */
    public boolean collapsed() {
        return modesCovered() < fractions.length;
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * The same count as {@link #of}, fed a chunk of samples at a time (for more samples than fit in
     * memory): {@code new Tally(means, radius)}, then {@link #add} each chunk, then {@link #result}.
     */
    public static final class Tally {
        private final double[][] means;
        private final double radius;
        private final double r2;
        private final long[] counts;
        private long near, seen;

        public Tally(double[][] means, double radius) {
            Check.notNull("means", means);
            if (means.length == 0) throw new IllegalArgumentException("means must not be empty");
            this.means = means;
            this.radius = Check.positive("radius", radius);
            this.r2 = radius * radius;
            this.counts = new long[means.length];
        }

        /** Counts the rows of {@code samples} (each d values; not modified). Returns this. */
        public Tally add(double[][] samples) {
            Check.notNull("samples", samples);
            int d = means[0].length;
            for (int i = 0; i < samples.length; i++) {
                if (samples[i].length != d) {
                    throw new IllegalArgumentException("samples row " + (seen + i) + " has " + samples[i].length + " values, the means have " + d);
                }
                boolean any = false;
                for (int m = 0; m < means.length; m++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double t = samples[i][j] - means[m][j];
                        s += t * t;
                    }
                    if (s <= r2) {
                        counts[m]++;
                        any = true;
                    }
                }
                if (any) near++;
            }
            seen += samples.length;
            return this;
        }

        /** The shares so far; at least one sample must have been added. */
        public ModeCoverage result() {
            if (seen == 0) throw new IllegalStateException("no samples were added");
            double[] f = new double[means.length];
            for (int m = 0; m < f.length; m++) f[m] = counts[m] / (double) seen;
            return new ModeCoverage(means, radius, f, near / (double) seen);
        }
    }
}
