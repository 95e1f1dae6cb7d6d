package gan.stats;

import gan.Check;
import java.util.Arrays;

/**
 * A density estimate of a 1-D generator's distribution p_g that allows point masses. A ReLU generator
 * G(z) = w·relu(Wz + b) + c maps every z at which all hidden units are off to the same value c, so p_g can
 * hold an atom: a share a of the samples at exactly one x. A kernel density estimate smears it into a bump
 * and loses most of its contribution to JSD. Here the values that occur more than once in the sample are
 * taken as atoms (a continuous map repeats a double only by accident), and the rest gets a Gaussian KDE:
 *
 * <pre>
 *   p̂_g = Σ_k a_k δ(x − x_k) + (1 − A) · ĉ(x),    a_k = (count of x_k) / n,  A = Σ a_k,  ĉ = KDE of the other values
 *
 *   JSD(p_data ‖ p̂_g) = ½ ∫ p log(2p / (p + (1 − A)ĉ)) dx + ½ ∫ (1 − A)ĉ log(2(1 − A)ĉ / (p + (1 − A)ĉ)) dx + ½ A log 2
 * </pre>
 *
 * (p_data has a density, so the atoms meet no data mass: each contributes a_k log(a_k / (a_k/2)) = a_k log 2 to
 * KL(p̂_g ‖ M), M = (p_data + p̂_g)/2.) Without atoms this is {@link DensityDivergences#jsd(Density, Density)} of the KDE.
 * Immutable.
 */
public final class AtomsAndKde {
    private final double[] atomValues;
    private final double[] atomMasses;
    private final double atomMass;
    private final Kde continuous;       // null when every value is an atom

    private AtomsAndKde(double[] atomValues, double[] atomMasses, Kde continuous) {
        this.atomValues = atomValues;
        this.atomMasses = atomMasses;
        this.atomMass = Arrays.stream(atomMasses).sum();
        this.continuous = continuous;
    }

    /** Atoms and a KDE with Scott's bandwidth for the rest. sample: at least 2 finite values; not modified. */
    public static AtomsAndKde of(double[] sample) {
        return of(sample, 1);
    }

    /**
     * Atoms and a KDE whose bandwidth is {@code bandwidthFactor} × Scott's bandwidth of the non-atom values
     * (a factor range, e.g. ½ to 2, shows how much the estimate depends on that choice). sample: not modified.
     */
    public static AtomsAndKde of(double[] sample, double bandwidthFactor) {
        Check.finiteValues("sample", sample);
        Check.positive("bandwidthFactor", bandwidthFactor);
        if (sample.length < 2) {
            throw new IllegalArgumentException("sample must hold at least 2 values, got " + sample.length);
        }
        double[] s = sample.clone();
        Arrays.sort(s);
        int n = s.length;
        double[] values = new double[n], masses = new double[n], rest = new double[n];
        int atoms = 0, others = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && s[j] == s[i]) j++;
            if (j - i > 1) {
                values[atoms] = s[i];
                masses[atoms++] = (double) (j - i) / n;
            } else {
                rest[others++] = s[i];
            }
            i = j;
        }
        Kde kde = null;
        if (others >= 2) {
            double[] r = Arrays.copyOf(rest, others);
            kde = Kde.of(r, bandwidthFactor * Kde.scottBandwidth(r, 1, "sample (values that occur once)"));
        }
        return new AtomsAndKde(Arrays.copyOf(values, atoms), Arrays.copyOf(masses, atoms), kde);
    }

    /** The values that occur more than once, increasing. */
    public double[] atomValues() {
        return atomValues.clone();
    }

    /** The share of the sample at each atom, in the order of {@link #atomValues()}. */
    public double[] atomMasses() {
        return atomMasses.clone();
    }

    /** A = the share of the sample in atoms. */
    public double atomMass() {
        return atomMass;
    }

    /** The KDE ĉ of the values that occur once (integrates to 1; p̂_g's continuous part is (1 − A)·ĉ), or null if none. */
    public Kde continuous() {
        return continuous;
    }

    /** (1 − A)·ĉ(x), the continuous part of p̂_g (what a density plot can draw). */
    public double continuousDensity(double x) {
        return continuous == null ? 0 : (1 - atomMass) * continuous.density(x);
    }

    /** JSD(p_data ‖ p̂_g) in nats by the formula above, integrated on {@link Quadrature#covering}(p_data, ĉ). */
    public double jsd(Density pData) {
        Check.notNull("pData", pData);
        if (pData.dimension() != 1) {
            throw new IllegalArgumentException("pData must be 1-D like the sample, got dimension " + pData.dimension());
        }
        double s = 0.5 * atomMass * GanTheory.LOG2;
        Quadrature grid = continuous == null ? Quadrature.covering(pData) : Quadrature.covering(pData, continuous);
        double[] lp = pData.logDensityGrid(grid.axes());
        double[] lc = continuous == null ? null : continuous.logDensityGrid(grid.axes());
        double[] w = grid.tensorWeights();
        double logRest = atomMass < 1 ? Math.log(1 - atomMass) : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < w.length; i++) {
            double a = lp[i];
            double b = lc == null ? Double.NEGATIVE_INFINITY : lc[i] + logRest;
            if (a == Double.NEGATIVE_INFINITY && b == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double lm = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))) - GanTheory.LOG2;   // log of (p + (1−A)ĉ)/2
            if (a != Double.NEGATIVE_INFINITY) s += 0.5 * w[i] * Math.exp(a) * (a - lm);
            if (b != Double.NEGATIVE_INFINITY) s += 0.5 * w[i] * Math.exp(b) * (b - lm);
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "AtomsAndKde[%d atoms holding %.4f of the sample, KDE %s]", atomValues.length, atomMass,
                continuous == null ? "none" : continuous);
    }
}
