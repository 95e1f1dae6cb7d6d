package gan.train;

import gan.Check;
import gan.Rng;
import java.util.Locale;

/** The noise prior p_z from which G's inputs are drawn. */
public enum Noise {
    /** U(−1, 1) in every coordinate, as the lecture's {@code getNoise} ({@code np.random.uniform(-1., 1., size=[m, n])}). */
    UNIFORM,
    /** N(0, 1) in every coordinate. */
    GAUSSIAN;

    /** Fills a[0..n) with independent draws. {@code a} modified. */
    public void fill(double[] a, int n, Rng rng) {
        if (this == UNIFORM) {
            rng.nextDoubles(a, n);                                    // u ~ U(0, 1), n draws at once
            for (int i = 0; i < n; i++) a[i] = 2 * a[i] - 1;          // 2u − 1 ~ U(−1, 1)
        } else {
            for (int i = 0; i < n; i++) a[i] = rng.nextGaussian();
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Noise parse(String name) {
        return Check.oneOf("noise", name, values(), Noise::cliName);
    }
}
