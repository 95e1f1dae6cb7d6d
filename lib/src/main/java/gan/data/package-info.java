/**
 * Data for the examples: the lecture's real data ({@link gan.data.Datasets}: N(0, 1), four Gaussians and a
 * ring, sampled from the same {@link gan.stats.GaussianMixture} densities that {@code gan.stats} integrates),
 * and daily price CSV files ({@link gan.data.PriceCsv} reads them into a {@link gan.data.PriceTable}, whose
 * holes in the dates are {@link gan.data.DateGap}s). What the finance notebooks compute from the prices
 * (returns, standardising, price paths, moments, tails) is in {@code gan.finance}.
 */
package gan.data;
