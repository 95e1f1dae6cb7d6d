/**
 * Finance, apart from the GAN's statistics: the series, statistics, baselines and simulations of the finance
 * notebooks (beyond-1 and beyond-2, after the course's chapter 10). Prices come from {@code gan.data.PriceCsv};
 * the return plots are in {@code gan.plot}.
 *
 * <ul>
 *   <li>Series: {@link gan.finance.Series} (log returns), {@link gan.finance.DailyReturns} (log returns without
 *       the ones across a hole in the dates), {@link gan.finance.JoinedPrices} (two tables on their common
 *       dates), {@link gan.finance.Standardized} (z = (x − mean) / std and back).</li>
 *   <li>Statistics: {@link gan.finance.Moments} (skewness, Pearson's and excess kurtosis),
 *       {@link gan.finance.Tails} (normal quantiles and tails, tail frequencies, joint falls),
 *       {@link gan.finance.Correlation} (Pearson's ρ), {@link gan.finance.Acf} (autocorrelation and its
 *       i.i.d. band), {@link gan.finance.TailDependence} (P(both below their q-quantile) / q, Kendall's τ).</li>
 *   <li>Baselines a quant reaches for before a GAN: {@link gan.finance.StudentT} (the location-scale t by
 *       maximum likelihood), {@link gan.finance.TCopula} (the bivariate t and its copula),
 *       {@link gan.finance.Bootstrap} (percentile intervals), {@link gan.finance.Lipschitz} (a bound on how far
 *       a ReLU generator's output can move, which bounds its tails).</li>
 *   <li>Simulation: {@link gan.finance.Shocks} (standardised daily shocks from a GAN or a normal, laid out
 *       paths × days), {@link gan.finance.PricePaths} (S_{t+1} = S_t · exp(μ + σ·ε_t), final prices, a
 *       two-share portfolio) and {@link gan.finance.Drawdown} (maximum drawdown of the paths).</li>
 * </ul>
 */
package gan.finance;
