/**
 * Data for the GAN examples: the lecture's real data ({@link gan.data.Datasets}: N(0, 1) and four Gaussians,
 * sampled from the same {@link gan.stats.GaussianMixture} densities that {@code gan.stats} integrates), daily
 * price CSV files ({@link gan.data.PriceCsv}, {@link gan.data.PriceTable}) and the small series helpers the
 * finance notebooks need ({@link gan.data.Series}: log returns, standardisation, date gaps;
 * {@link gan.data.DailyReturns}: log returns without the ones across a hole in the dates;
 * {@link gan.data.JoinedPrices}: two tables on their common dates).
 */
package gan.data;
