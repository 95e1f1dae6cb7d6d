package gan.finance;

import gan.Check;
import gan.Rng;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;

/**
 * The location-scale Student-t distribution X = m + s·T_ν, the usual first alternative to the normal for
 * fat-tailed daily returns:
 *
 * <pre>
 *   f(x) = Γ((ν+1)/2) / (Γ(ν/2) √(νπ) s) · (1 + d²/ν)^(−(ν+1)/2),   d = (x − m) / s
 *   Var X = s² ν / (ν − 2) (ν &gt; 2),   Pearson kurtosis b₂ = 3 + 6 / (ν − 4) (ν &gt; 4, else ∞)
 * </pre>
 *
 * {@link #fit} maximises the log likelihood over (m, s, ν): for a fixed ν the EM iteration
 * w_i = (ν + 1) / (ν + d_i²), m = Σ w_i x_i / Σ w_i, s² = Σ w_i (x_i − m)² / n increases the likelihood at
 * every step (Lange, Little and Taylor 1989); ν is then found by Brent's method on log ν over
 * [{@value #MIN_DF}, {@value #MAX_DF}] (the profile likelihood). A normal sample drives ν to the upper end.
 *
 * @param location m, finite
 * @param scale    s, positive and finite (not the standard deviation unless ν = ∞)
 * @param df       ν, the degrees of freedom, positive and finite
 */
public record StudentT(double location, double scale, double df) {
    /** The smallest ν the fit considers. */
    public static final double MIN_DF = 0.5;
    /** The largest ν the fit considers (at this ν a t is a normal for every purpose here). */
    public static final double MAX_DF = 1000;
    /** EM iterations per ν, and their stopping rule: |Δm| + |Δs| below this times s. */
    static final int EM_ITERATIONS = 500;
    static final double EM_TOLERANCE = 1e-10;

    public StudentT {
        Check.finite("location", location);
        Check.positive("scale", scale);
        Check.positive("df", df);
    }

    /**
     * The maximum-likelihood fit of (m, s, ν) to {@code x}.
     *
     * @param x finite, at least 3 values, not all equal. Not modified.
     */
    public static StudentT fit(double[] x) {
        Check.finiteValues("x", x);
        if (x.length < 3) {
            throw new IllegalArgumentException("x must hold at least 3 values to fit a Student-t, got " + x.length);
        }
        UnivariateFunction profile = logDf -> fitLocationScale(x, Math.exp(logDf)).logLikelihood(x);
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-10);
        double logDf = brent.optimize(new MaxEval(200), new UnivariateObjectiveFunction(profile), GoalType.MAXIMIZE,
                new SearchInterval(Math.log(MIN_DF), Math.log(MAX_DF), Math.log(5))).getPoint();
        return fitLocationScale(x, Math.exp(logDf));
    }

    /**
     * The maximum-likelihood (m, s) for a fixed ν, by the EM iteration in the class comment, started from the
     * median and the mean absolute deviation. x: finite, not all equal. Not modified.
     */
    public static StudentT fitLocationScale(double[] x, double df) {
        Check.finiteValues("x", x);
        Check.positive("df", df);
        double m = gan.stats.Samples.quantile(x, 0.5), s = 0;
        for (double v : x) s += Math.abs(v - m);
        s /= x.length;
        if (!(s > 0)) {
            throw new IllegalArgumentException("x has (almost) no spread around its median, so no Student-t can be fitted");
        }
        for (int it = 0; it < EM_ITERATIONS; it++) {
            double sw = 0, swx = 0;
            for (double v : x) {
                double d = (v - m) / s, w = (df + 1) / (df + d * d);   // w_i = (ν + 1) / (ν + d_i²)
                sw += w;
                swx += w * v;
            }
            double mNew = swx / sw, ss = 0;
            for (double v : x) {
                double d = (v - m) / s, w = (df + 1) / (df + d * d);
                ss += w * (v - mNew) * (v - mNew);
            }
            double sNew = Math.sqrt(ss / x.length);                      // s² = Σ w_i (x_i − m)² / n
            boolean done = Math.abs(mNew - m) + Math.abs(sNew - s) < EM_TOLERANCE * sNew;
            m = mNew;
            s = sNew;
            if (done) break;
        }
        return new StudentT(m, s, df);
    }

    /** Σ log f(x_i). x: finite. Not modified. */
    public double logLikelihood(double[] x) {
        Check.finiteValues("x", x);
        double c = Gamma.logGamma((df + 1) / 2) - Gamma.logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - Math.log(scale);
        double sum = 0;
        for (double v : x) {
            double d = (v - location) / scale;
            sum += c - (df + 1) / 2 * Math.log1p(d * d / df);
        }
        return sum;
    }

    /** The standard deviation s √(ν / (ν − 2)); +∞ for ν ≤ 2. */
    public double std() {
        return df > 2 ? scale * Math.sqrt(df / (df - 2)) : Double.POSITIVE_INFINITY;
    }

    /** Pearson's kurtosis 3 + 6 / (ν − 4); +∞ for ν ≤ 4 (the fourth moment does not exist). */
    public double kurtosis() {
        return df > 4 ? 3 + 6 / (df - 4) : Double.POSITIVE_INFINITY;
    }

    /** The p-quantile m + s · t_ν⁻¹(p). p in (0, 1). */
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1) (exclusive), got " + p);
        }
        return location + scale * standard().inverseCumulativeProbability(p);
    }

    /** P(|X| &gt; c) = F(−c) + 1 − F(c), two-sided, around 0 (not around m). c ≥ 0 and finite. */
    public double tailBeyond(double c) {
        Check.nonNegative("c", c);
        TDistribution t = standard();
        return t.cumulativeProbability((-c - location) / scale) + 1 - t.cumulativeProbability((c - location) / scale);
    }

    /** n independent draws m + s · Z / √(V / ν), Z ~ N(0, 1), V ~ χ²_ν. rng: modified (advanced). */
    public double[] sample(int n, Rng rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = location + scale * rng.nextGaussian() / Math.sqrt(chiSquare(df, rng) / df);
        return x;
    }

    @Override
    public String toString() {
        return String.format("Student-t(m = %.4f, s = %.4f, ν = %.3f)", location, scale, df);
    }

    private TDistribution standard() {
        return new TDistribution(null, df, 1e-12);
    }

    /**
     * One χ²_ν draw, i.e. Gamma(ν/2, scale 2), by Marsaglia and Tsang's method (2000); for shape a &lt; 1 it uses
     * Gamma(a) = Gamma(a + 1) · U^(1/a). rng: modified.
     */
    static double chiSquare(double df, Rng rng) {
        double a = df / 2, boost = 1;
        if (a < 1) {
            boost = Math.pow(rng.nextDouble(), 1 / a);
            a += 1;
        }
        double d = a - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian(), v = 1 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return 2 * d * v * boost;
            }
        }
    }
}
