package gan.nn;

import gan.Check;
import gan.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * How a weight matrix W (fanIn × fanOut) or a bias row b (1 × n) gets its first values.
 *
 * <p>Biases are initialised with fanIn = fanOut = n, TensorFlow's convention for a 1-D shape, so
 * {@code xavierUniform()} on a bias of 8 units draws from U(−√(3/8), √(3/8)), as the lecture's
 * {@code tf.contrib.layers.xavier_initializer()} does for its biases.
 */
@FunctionalInterface
public interface Initializer {

    /** Fills {@code m} (modified) for a layer with the given fans, drawing from {@code rng}. */
    void fill(DMatrixRMaj m, int fanIn, int fanOut, Rng rng);

    /** All zeros. */
    static Initializer zeros() {
        return named("zeros", (m, fanIn, fanOut, rng) -> m.zero());
    }

    /**
     * Xavier/Glorot uniform (Glorot and Bengio, 2010): U(−a, a) with a = √(6 / (fanIn + fanOut)),
     * so that Var = 2 / (fanIn + fanOut). The lecture's example 1 uses it for weights and biases.
     */
    static Initializer xavierUniform() {
        return named("xavier-uniform", (m, fanIn, fanOut, rng) -> {
            double a = Math.sqrt(6.0 / (fanIn + fanOut));
            double[] d = m.data;
            for (int i = 0; i < m.getNumElements(); i++) d[i] = rng.uniform(-a, a);
        });
    }

    /** N(0, std²) for every entry. */
    static Initializer normal(double std) {
        Check.positive("std", std);
        return named("normal(" + std + ")", (m, fanIn, fanOut, rng) -> {
            double[] d = m.data;
            for (int i = 0; i < m.getNumElements(); i++) d[i] = std * rng.nextGaussian();
        });
    }

    /**
     * Orthogonal (Saxe et al., 2014), TensorFlow's {@code orthogonal_initializer(gain)}: draw
     * A ~ N(0, 1) of shape (max(r, c) × min(r, c)), take A = QR, flip each column of Q by the sign of
     * R's diagonal (so Q is uniformly distributed), transpose when r &lt; c, and scale by {@code gain}.
     * Then WᵀW = gain²·I when r ≥ c, and WWᵀ = gain²·I otherwise. The lecture's example 2 uses gain 1.4.
     */
    static Initializer orthogonal(double gain) {
        Check.positive("gain", gain);
        return named("orthogonal(" + gain + ")", (m, fanIn, fanOut, rng) -> {
            int r = m.numRows, c = m.numCols;
            int tall = Math.max(r, c), wide = Math.min(r, c);
            DMatrixRMaj a = new DMatrixRMaj(tall, wide);
            for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextGaussian();
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(tall, wide);
            if (!qr.decompose(a)) {
                throw new IllegalStateException("QR decomposition failed for a " + tall + "×" + wide + " Gaussian matrix");
            }
            DMatrixRMaj q = qr.getQ(null, true);                      // (tall × wide)
            DMatrixRMaj rr = qr.getR(null, true);                     // (wide × wide)
            for (int j = 0; j < wide; j++) {
                if (rr.get(j, j) < 0) {
                    for (int i = 0; i < tall; i++) q.set(i, j, -q.get(i, j));
                }
            }
            if (r < c) {
                CommonOps_DDRM.transpose(q, m);                     // (wide × tall) = (r × c)
            } else {
                m.setTo(q);
            }
            CommonOps_DDRM.scale(gain, m);
        });
    }

    /** Wraps {@code init} so that {@code toString()} names it (for configs, logs and checkpoints). */
    static Initializer named(String name, Initializer init) {
        return new Initializer() {
            @Override
            public void fill(DMatrixRMaj m, int fanIn, int fanOut, Rng rng) {
                init.fill(m, fanIn, fanOut, rng);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Parses the names {@code toString()} gives: "zeros", "xavier-uniform", "normal(0.02)", "orthogonal(1.4)". */
    static Initializer parse(String name) {
        String s = name.trim();
        if (s.equals("zeros")) return zeros();
        if (s.equals("xavier-uniform")) return xavierUniform();
        try {
            if (s.startsWith("normal(") && s.endsWith(")")) return normal(Double.parseDouble(s.substring(7, s.length() - 1)));
            if (s.startsWith("orthogonal(") && s.endsWith(")")) return orthogonal(Double.parseDouble(s.substring(11, s.length() - 1)));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("initializer must be zeros, xavier-uniform, normal(std) or orthogonal(gain); got '" + name + "'");
    }
}
