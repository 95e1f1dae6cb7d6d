package gan.finance;

import gan.Check;
import gan.stats.Samples;

/**
 * How often two series fall into their lower tails together, measured without any model:
 *
 * <pre>
 *   λ(q) = P(X ≤ Q_X(q) and Y ≤ Q_Y(q)) / q ≈ #{i : x_i ≤ Q̂_X(q), y_i ≤ Q̂_Y(q)} / (n q)
 * </pre>
 *
 * with Q̂ the sample quantiles ({@link Samples#quantile}, type 7). λ(q) is the chance that Y is in its worst q
 * given that X is in its worst q: q for independent series, 1 for comonotone ones. It depends only on the
 * copula, not on the margins, so it compares real returns, GAN draws and models with different margins
 * fairly. For a bivariate normal with ρ &lt; 1 it falls to 0 as q → 0; for a t-copula it tends to
 * {@link TCopula#tailDependenceLimit}.
 */
public final class TailDependence {
    private TailDependence() {
    }

    /**
     * λ(q) of the two columns of {@code rows}.
     *
     * @param rows n × 2, finite, n ≥ 1 / q. Not modified.
     * @param q    in (0, 0.5]
     */
    public static double lower(double[][] rows, double q) {
        if (!(q > 0 && q <= 0.5)) {
            throw new IllegalArgumentException("q must be in (0, 0.5], e.g. 0.05, got " + q);
        }
        double[][] ab = Correlation.columns(rows);
        double[] a = ab[0], b = ab[1];
        if (rows.length * q < 1) {
            throw new IllegalArgumentException("rows must hold at least 1 / q = " + Math.ceil(1 / q) + " pairs for q = " + q + ", got " + rows.length);
        }
        double qa = Samples.quantile(a, q), qb = Samples.quantile(b, q);
        int both = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] <= qa && b[i] <= qb) both++;
        }
        return both / (rows.length * q);
    }

    /**
     * Kendall's τ = (concordant − discordant) / (n (n − 1) / 2), over all pairs of rows (O(n²)); ties count as
     * neither. For an elliptical copula (normal, t) with correlation ρ, τ = (2/π) arcsin ρ, so ρ = sin(π τ / 2)
     * estimates ρ robustly to fat margins. rows: n × 2, n ≥ 2, finite. Not modified.
     */
    public static double kendallTau(double[][] rows) {
        double[][] ab = Correlation.columns(rows);
        double[] a = ab[0], b = ab[1];
        if (a.length < 2) {
            throw new IllegalArgumentException("rows must hold at least 2 pairs, got " + a.length);
        }
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                s += (long) (Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]));
            }
        }
        return s / (a.length * (a.length - 1) / 2.0);
    }
}
