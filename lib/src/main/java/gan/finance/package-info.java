/**
 * The baselines a quant reaches for before a GAN, for the finance notebooks (beyond-1 and beyond-2).
 *
 * <ul>
 *   <li>{@link gan.finance.StudentT}: the location-scale Student-t, fitted by maximum likelihood (degrees of
 *       freedom included), with its quantiles, tails and sampler.</li>
 *   <li>{@link gan.finance.Bootstrap}: percentile intervals of a statistic by resampling days with replacement.</li>
 *   <li>{@link gan.finance.Acf}: the sample autocorrelation function and its i.i.d. confidence band.</li>
 *   <li>{@link gan.finance.TailDependence}: P(both below their q-quantile) / q and Kendall's τ.</li>
 *   <li>{@link gan.finance.TCopula}: the bivariate t (and its copula): sampling and the degrees of freedom by
 *       maximum likelihood on pseudo-observations.</li>
 *   <li>{@link gan.finance.Lipschitz}: an upper bound on how far a ReLU network's output can move per unit of
 *       input, which bounds the tails a generator can produce.</li>
 * </ul>
 */
package gan.finance;
