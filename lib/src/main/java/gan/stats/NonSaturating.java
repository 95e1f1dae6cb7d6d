package gan.stats;

/**
 * What the generator's non-saturating loss minimises when D is the optimal D* (Arjovsky &amp; Bottou 2017,
 * "Towards principled methods for training GANs", §2.2.2), with numbers. Every run of the set trains G on
 * L_G = −E_{x~p_g}[log D(x)] (the lecture's "max_G E[log D(G(z))]"), not on the minimax E[log(1 − D(G(z)))].
 *
 * <pre>
 *   with D* = p_data / (p_data + p_g) and the shorthand d = p_data, g = p_g:
 *   KL(g ‖ d)         = E_g[log(g/d)] = E_g[log(1 − D*)] − E_g[log D*]          (g/d = (1 − D*)/D*)
 *   2·JSD(d ‖ g)       = log 4 + V(D*, G) = log 4 + E_d[log D*] + E_g[log(1 − D*)]
 *   subtract:          KL(g ‖ d) − 2·JSD = −E_g[log D*] − log 4 − E_d[log D*]
 *   so                 −E_g[log D*] = KL(g ‖ d) − 2·JSD(d ‖ g) + log 4 + E_d[log D*]          (value identity)
 * </pre>
 *
 * The last term is not a constant of p_g, but in a G step D is held fixed, and then it does not depend on G's
 * parameters θ at all: with D = D* of the current θ₀, ∇_θ (−E_{g_θ}[log D*_θ₀]) at θ₀ equals
 * ∇_θ [KL(g_θ ‖ d) − 2·JSD(d ‖ g_θ)] at θ₀ (gradient identity; the JSD term by the envelope argument,
 * ∂V/∂D = 0 at D*; the KL term because E_g[∇_θ log g_θ] = ∇_θ ∫ g_θ = 0). Natural logs; everything is
 * evaluated in log space (log D* = log d − logaddexp(log d, log g)), so far tails do not round D* to 0 or 1.
 */
public final class NonSaturating {
    private NonSaturating() {
    }

    /** −E_{x~p_g}[log D*(x)], D* of (pData, pG): G's non-saturating loss against the optimal D. Not modified. */
    public static double lossAtOptimum(Density pData, Density pG, Quadrature grid) {
        return lossAgainstOptimumOf(pData, pG, pG, grid);
    }

    /**
     * −E_{x~p_g}[log D*₀(x)] with D*₀ = pData / (pData + pG0) held fixed and G moved to {@code pG}: the loss a G
     * step descends, as a function of where G goes. At pG = pG0 it is {@link #lossAtOptimum}. +∞ if D*₀ = 0
     * where pG &gt; 0. Arguments: not modified.
     *
     * @param pData p_data
     * @param pG0   the p_g that D*₀ was made optimal for
     * @param pG    the p_g whose expectation is taken
     * @param grid  the quadrature rule, covering all three densities' mass
     */
    public static double lossAgainstOptimumOf(Density pData, Density pG0, Density pG, Quadrature grid) {
        DensityDivergences.checkPair(pData, pG0);
        DensityDivergences.checkPair(pData, pG);
        DensityDivergences.checkGrid(grid, pData.dimension());
        double[] lp = pData.logDensityGrid(grid.axes());
        double[] l0 = pG0.logDensityGrid(grid.axes());
        double[] lg = pG == pG0 ? l0 : pG.logDensityGrid(grid.axes());
        double[] w = grid.tensorWeights();
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (lg[i] == Double.NEGATIVE_INFINITY) {
                continue;                                           // no p_g mass here
            }
            if (lp[i] == Double.NEGATIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;                    // D*₀ = 0 where p_g > 0: −log 0
            }
            s += w[i] * Math.exp(lg[i]) * (DensityDivergences.logAddExp(lp[i], l0[i]) - lp[i]);   // p_g · (−log D*₀)
        }
        return s;
    }

    /** E_{x~p_data}[log D*(x)] = KL(p_data ‖ m) − log 2, m = (p_data + p_g)/2. Arguments: not modified. */
    public static double expectedLogOptimalD(Density pData, Density pG, Quadrature grid) {
        double[][] on = DensityDivergences.onGrid(pData, pG, grid);       // {log p, log q, W} at every node
        double[] lp = on[0], lg = on[1], w = on[2];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (lp[i] != Double.NEGATIVE_INFINITY) {
                s += w[i] * Math.exp(lp[i]) * (lp[i] - DensityDivergences.logAddExp(lp[i], lg[i]));   // p_data · log D*
            }
        }
        return s;
    }

    /**
     * KL(p_g ‖ p_data) − 2·JSD(p_data ‖ p_g): what the non-saturating loss descends when D = D* (its gradient
     * in θ_g is the loss's; see the class comment). Each divergence by its own quadrature. Not modified.
     */
    public static double objective(Density pData, Density pG, Quadrature grid) {
        return DensityDivergences.kl(pG, pData, grid) - 2 * DensityDivergences.jsd(pData, pG, grid);
    }
}
