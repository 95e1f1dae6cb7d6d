package gan.train;

import gan.nn.Activation;

/**
 * The GAN losses, computed from D's logits l (D(x) = σ(l)), each with its gradient ∂loss/∂l beside it.
 *
 * <pre>
 *   D-loss                    −mean_x log D(x) − mean_z log(1 − D(G(z)))   = mean softplus(−l_real) + mean softplus(l_fake)
 *                             ∂/∂l_real = (σ(l) − 1)/m_real                ∂/∂l_fake = σ(l)/m_fake
 *   G-loss, saturating        mean_z log(1 − D(G(z)))                      = −mean softplus(l_fake)
 *                             ∂/∂l = −σ(l)/m
 *   G-loss, non-saturating    −mean_z log D(G(z))                          = mean softplus(−l_fake)
 *                             ∂/∂l = (σ(l) − 1)/m
 * </pre>
 * with log σ(l) = −softplus(−l), log(1 − σ(l)) = −softplus(l) and softplus(t) = max(t, 0) + log(1 + e^−|t|).
 *
 * <p><b>Why logits.</b> The lecture's TensorFlow code takes the sigmoid first and then
 * {@code log(D + 1e-8)}: once float32's σ(l) rounds to exactly 1 or 0 (|l| ≳ 17), the loss is stuck at
 * log(1e-8) = −18.42 and its gradient through the saturated sigmoid is zero. From the logit, the loss
 * is exact for every l and never log(0). Wherever D and 1 − D are well above 1e-8 the two agree to
 * within about 1e-8/D (relative), so the lecture's numbers (D-loss → log 4 = 1.3863, G-loss → log 2)
 * are the same.
 *
 * <p><b>Direction.</b> D descends D-loss = −V(D, G), i.e. ascends V (Algorithm 1's "ascending its
 * stochastic gradient"). G descends the saturating loss, which is V's second term (the paper's minimax
 * form), or the non-saturating one, which has the same fixed point but strong gradients while D(G(z))
 * is still near 0 ("improves early training", as the lecture puts it).
 */
public final class Losses {
    private Losses() {
    }

    /** softplus(t) = log(1 + e^t), without overflow for large |t|. */
    public static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    /**
     * D-loss of a batch laid out as {@code nReal} real rows then {@code nFake} fake rows:
     * mean softplus(−l_real) + mean softplus(l_fake). {@code logits} not modified.
     */
    public static double discriminatorLoss(double[] logits, int nReal, int nFake) {
        double real = 0, fake = 0;
        for (int i = 0; i < nReal; i++) real += softplus(-logits[i]);
        for (int i = nReal; i < nReal + nFake; i++) fake += softplus(logits[i]);
        return real / nReal + fake / nFake;
    }

    /** ∂(D-loss)/∂l for the same layout: (σ(l) − 1)/nReal on real rows, σ(l)/nFake on fake rows. {@code grad} modified (not {@code logits}). */
    public static void discriminatorGradient(double[] logits, int nReal, int nFake, double[] grad) {
        Activation.sigmoid(logits, grad, nReal + nFake);                           // σ(l), all at once
        for (int i = 0; i < nReal; i++) grad[i] = (grad[i] - 1) / nReal;
        for (int i = nReal; i < nReal + nFake; i++) grad[i] = grad[i] / nFake;
    }

    /** The generator's loss of {@code n} fake logits (see {@link GeneratorLoss}). {@code logits} not modified. */
    public static double generatorLoss(GeneratorLoss kind, double[] logits, int n) {
        double s = 0;
        if (kind == GeneratorLoss.SATURATING) {
            for (int i = 0; i < n; i++) s -= softplus(logits[i]);       // log(1 − σ(l)) = −softplus(l)
        } else {
            for (int i = 0; i < n; i++) s += softplus(-logits[i]);      // −log σ(l) = softplus(−l)
        }
        return s / n;
    }

    /** ∂(G-loss)/∂l: −σ(l)/n (saturating) or (σ(l) − 1)/n (non-saturating). {@code grad} modified. */
    public static void generatorGradient(GeneratorLoss kind, double[] logits, int n, double[] grad) {
        Activation.sigmoid(logits, grad, n);                                      // σ(l), all at once
        if (kind == GeneratorLoss.SATURATING) {
            for (int i = 0; i < n; i++) grad[i] = -grad[i] / n;
        } else {
            for (int i = 0; i < n; i++) grad[i] = (grad[i] - 1) / n;
        }
    }
}
