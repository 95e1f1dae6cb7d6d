package gan.plot;

import gan.Check;

/**
 * One panel of Goodfellow et al.'s figure 1, all curves on the same x grid (see
 * {@link Plots#goodfellow(double[], java.util.List, String)}).
 *
 * @param label  the panel caption after its letter, e.g. {@code "epoch 0"} → "(a) epoch 0"
 * @param pData  p_data(x), the data density (black, dotted)
 * @param pG     p_g(x), the generator's density (green, solid)
 * @param d      D(x), the discriminator's output (blue, dashed); {@code null} to leave it out
 * @param dStar  D*(x) = p_data(x) / (p_data(x) + p_g(x)), the optimal discriminator; {@code null} to leave it out
 */
public record GoodfellowPanel(String label, double[] pData, double[] pG, double[] d, double[] dStar) {
    public GoodfellowPanel {
        Check.notNull("label", label);
        Check.notNull("pData", pData);
        Check.notNull("pG", pG);
        if (pG.length != pData.length) {
            throw new IllegalArgumentException("pG has " + pG.length + " values but pData has " + pData.length
                    + "; all curves of a panel must be on the same x grid");
        }
        if (d != null && d.length != pData.length) {
            throw new IllegalArgumentException("d has " + d.length + " values but pData has " + pData.length
                    + "; all curves of a panel must be on the same x grid");
        }
        if (dStar != null && dStar.length != pData.length) {
            throw new IllegalArgumentException("dStar has " + dStar.length + " values but pData has " + pData.length
                    + "; all curves of a panel must be on the same x grid");
        }
    }
}
