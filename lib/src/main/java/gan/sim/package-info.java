/**
 * Price simulation with generated returns, as in the course's chapter 10: {@link gan.sim.Shocks} (standardised
 * daily shocks from a GAN or a normal distribution, laid out paths × days) and {@link gan.sim.PricePaths}
 * (S_{t+1} = S_t · exp(μ + σ·ε_t) from a start price, final prices, a two-share portfolio). Risk measures of
 * the paths are in {@link gan.stats.Drawdown}.
 */
package gan.sim;
