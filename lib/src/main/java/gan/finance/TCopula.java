package gan.finance;

import gan.Check;
import gan.Rng;
import gan.stats.Samples;
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;

/**
 * The bivariate Student-t with correlation ρ and ν degrees of freedom, and its copula:
 *
 * <pre>
 *   (X₁, X₂) = (Z₁, Z₂) / √(V / ν),  Z₂ = ρ Z₁ + √(1 − ρ²) η,  Z₁, η ~ N(0, 1),  V ~ χ²_ν,  all independent
 *   copula density c(u₁, u₂) = f₂(x₁, x₂) / (f₁(x₁) f₁(x₂)),  x_j = t_ν⁻¹(u_j)
 *   log f₂ = log Γ((ν+2)/2) − log Γ(ν/2) − log(νπ) − ½ log(1 − ρ²) − (ν+2)/2 · log(1 + Q/ν),
 *            Q = (x₁² − 2ρ x₁x₂ + x₂²) / (1 − ρ²)
 *   lower tail dependence λ_L = lim_{q→0} λ(q) = 2 t_{ν+1}(−√((ν + 1)(1 − ρ)/(1 + ρ)))
 * </pre>
 *
 * The shared divisor √(V/ν) makes both coordinates large on the same days, which a correlated normal cannot:
 * its λ_L is 0. {@link #fitDf} estimates ν by maximum likelihood on pseudo-observations u = rank / (n + 1) (the
 * usual semi-parametric fit: the margins stay empirical), with ρ given (e.g. sin(π τ / 2) from Kendall's τ).
 * {@link #withMargins} then gives the copula any margins, e.g. the real returns' own.
 */
public final class TCopula {
    /** The range of ν the fit considers. */
    public static final double MIN_DF = 1, MAX_DF = 200;

    private TCopula() {
    }

    /**
     * n pairs of the bivariate t (each coordinate a standard t_ν, variance ν/(ν − 2)). rng: modified.
     *
     * @param rho in (−1, 1)
     * @param df  positive
     */
    public static double[][] sample(int n, double rho, double df, Rng rng) {
        Check.atLeast("n", n, 1);
        checkRho(rho);
        Check.positive("df", df);
        Check.notNull("rng", rng);
        double c = Math.sqrt(1 - rho * rho);
        double[][] x = new double[n][2];
        for (double[] p : x) {
            double u = rng.nextGaussian(), v = rng.nextGaussian(), w = Math.sqrt(StudentT.chiSquare(df, rng) / df);
            p[0] = u / w;
            p[1] = (rho * u + c * v) / w;
        }
        return x;
    }

    /**
     * Pairs of the t-copula with the given margins: each coordinate's t_ν value goes through the t_ν CDF to
     * u ∈ (0, 1), then to the u-quantile (type 7) of that margin's sample, so every coordinate has the margin's
     * distribution and the pairs keep the t-copula's dependence.
     *
     * @param tPairs  pairs from {@link #sample} with the same ν. Not modified.
     * @param marginA sample whose distribution the first coordinate takes, finite. Not modified.
     * @param marginB the same for the second
     */
    public static double[][] withMargins(double[][] tPairs, double df, double[] marginA, double[] marginB) {
        Check.positive("df", df);
        double[] a = Check.finiteValues("marginA", marginA).clone(), b = Check.finiteValues("marginB", marginB).clone();
        Arrays.sort(a);
        Arrays.sort(b);
        TDistribution t = new TDistribution(null, df, 1e-12);
        double[][] x01 = Correlation.columns(tPairs);
        double[] x0 = x01[0], x1 = x01[1];
        double[][] out = new double[x0.length][];
        for (int i = 0; i < x0.length; i++) {
            out[i] = new double[] {Samples.sortedQuantile(a, t.cumulativeProbability(x0[i])), Samples.sortedQuantile(b, t.cumulativeProbability(x1[i]))};
        }
        return out;
    }

    /** The copula's log likelihood Σ log c(u_i) at pseudo-observations u (n × 2, in (0, 1)). */
    public static double logLikelihood(double[][] u, double rho, double df) {
        checkRho(rho);
        Check.positive("df", df);
        TDistribution t = new TDistribution(null, df, 1e-12);
        double g2 = Gamma.logGamma((df + 2) / 2) - Gamma.logGamma(df / 2) - Math.log(df * Math.PI) - 0.5 * Math.log(1 - rho * rho);
        double g1 = Gamma.logGamma((df + 1) / 2) - Gamma.logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
        double sum = 0;
        for (double[] p : u) {
            double x1 = t.inverseCumulativeProbability(p[0]), x2 = t.inverseCumulativeProbability(p[1]);
            double q = (x1 * x1 - 2 * rho * x1 * x2 + x2 * x2) / (1 - rho * rho);
            sum += g2 - (df + 2) / 2 * Math.log1p(q / df)
                    - 2 * g1 + (df + 1) / 2 * (Math.log1p(x1 * x1 / df) + Math.log1p(x2 * x2 / df));
        }
        return sum;
    }

    /** Pseudo-observations u_ij = rank_ij / (n + 1), ranks 1 … n per column (ties by order). rows: not modified. */
    public static double[][] pseudoObservations(double[][] rows) {
        double[][] u = new double[rows.length][2];
        double[][] cols = Correlation.columns(rows);
        for (int j = 0; j < 2; j++) {
            double[] c = cols[j];
            Integer[] idx = new Integer[c.length];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            Arrays.sort(idx, (p, q) -> Double.compare(c[p], c[q]));
            for (int r = 0; r < idx.length; r++) u[idx[r]][j] = (r + 1) / (c.length + 1.0);
        }
        return u;
    }

    /**
     * The maximum-likelihood ν of the t-copula of {@code rows} for a given ρ, over [{@value #MIN_DF},
     * {@value #MAX_DF}] (Brent's method on log ν). rows: n × 2, finite. Not modified.
     */
    public static double fitDf(double[][] rows, double rho) {
        checkRho(rho);
        double[][] u = pseudoObservations(rows);
        BrentOptimizer brent = new BrentOptimizer(1e-6, 1e-8);
        return Math.exp(brent.optimize(new MaxEval(200), new UnivariateObjectiveFunction(l -> logLikelihood(u, rho, Math.exp(l))),
                GoalType.MAXIMIZE, new SearchInterval(Math.log(MIN_DF), Math.log(MAX_DF), Math.log(5))).getPoint());
    }

    /** λ_L = 2 t_{ν+1}(−√((ν + 1)(1 − ρ)/(1 + ρ))), the limit of {@link TailDependence#lower} as q → 0. */
    public static double tailDependenceLimit(double rho, double df) {
        checkRho(rho);
        Check.positive("df", df);
        return 2 * new TDistribution(null, df + 1, 1e-12).cumulativeProbability(-Math.sqrt((df + 1) * (1 - rho) / (1 + rho)));
    }

    private static void checkRho(double rho) {
        if (!(rho > -1 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in (−1, 1) (exclusive), got " + rho);
        }
    }
}
