package gan.nn;

import gan.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * A multilayer perceptron: {@link Dense} layers with one activation on every hidden layer and one on
 * the output. A batch holds one sample per column (inputs × B), as in {@link Dense}. The lecture's
 * networks:
 * <pre>
 *   example 1   D 1-8-1   (relu, sigmoid)    G 8-4-1    (relu, linear)
 *   example 2   D 2-128-1 (relu, sigmoid)    G 10-128-2 (relu, linear)
 * </pre>
 * The {@code double[][]} methods are the allocation-free ones the trainer uses; the
 * {@link DMatrixRMaj} ones copy, for reading and experimenting.
 */
public final class Mlp {
    private final Spec spec;
    private final Dense[] layers;
    private final List<Param> params;

    /**
     * Layer sizes and activations.
     *
     * @param sizes  units per layer from input to output, at least two entries, each ≥ 1 (e.g. {1, 8, 1})
     * @param hidden activation of every hidden layer
     * @param output activation of the output layer
     */
    public record Spec(int[] sizes, Activation hidden, Activation output) {
        public Spec {
            if (sizes == null || sizes.length < 2) {
                throw new IllegalArgumentException("sizes must list at least an input and an output size, got "
                        + Arrays.toString(sizes));
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 1) {
                    throw new IllegalArgumentException("sizes[" + i + "] must be >= 1, got " + sizes[i] + " in " + Arrays.toString(sizes));
                }
            }
            if (hidden == null || output == null) {
                throw new IllegalArgumentException("hidden and output activations must not be null");
            }
            sizes = sizes.clone();
        }

        /** {@code Spec.of(RELU, SIGMOID, 1, 8, 1)}. */
        public static Spec of(Activation hidden, Activation output, int... sizes) {
            return new Spec(sizes, hidden, output);
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        public int inputs() {
            return sizes[0];
        }

        public int outputs() {
            return sizes[sizes.length - 1];
        }

        /** The sizes joined by dashes, e.g. "1-8-1". */
        public String shape() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < sizes.length; i++) b.append(i == 0 ? "" : "-").append(sizes[i]);
            return b.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && Arrays.equals(sizes, s.sizes) && hidden == s.hidden && output == s.output;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sizes) * 31 + hidden.hashCode() * 7 + output.hashCode();
        }

        /** e.g. "1-8-1 (relu, sigmoid)". */
        @Override
        public String toString() {
            return shape() + " (" + hidden.name().toLowerCase(Locale.ROOT) + ", " + output.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /**
     * Builds the network and initialises every layer, in order, from {@code rng}.
     *
     * @param name used in parameter names, e.g. "D" gives "D.1.W", "D.1.b", "D.2.W", …
     */
    public Mlp(String name, Spec spec, Initializer weights, Initializer biases, Rng rng) {
        this.spec = gan.Check.notNull("spec", spec);
        int[] s = spec.sizes;
        this.layers = new Dense[s.length - 1];
        List<Param> ps = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            Activation f = i == layers.length - 1 ? spec.output : spec.hidden;
            layers[i] = new Dense(name + "." + (i + 1), s[i], s[i + 1], f, weights, biases, rng);
            ps.add(layers[i].weight());
            ps.add(layers[i].bias());
        }
        this.params = List.copyOf(ps);
    }

    /**
     * The output Y (outputs rows × B) for the first {@code batch} columns of {@code x} (inputs rows).
     *
     * <p>Returns the last layer's own Y rows, not a copy. Modified: every layer's Z and Y rows; the next
     * {@code forward} or {@code forwardLogits} overwrites them (and the returned array). Not modified:
     * {@code x}, which the first layer keeps a reference to for {@code backward}: change it only after the
     * backward pass.
     */
    public double[][] forward(double[][] x, int batch) {
        double[][] h = x;
        for (Dense layer : layers) h = layer.forward(h, batch, true);
        return h;
    }

    /**
     * The output layer's pre-activation Z (outputs rows × B), skipping the output activation: for D
     * (sigmoid output) these are the logits l with D(x) = σ(l). Returns the last layer's own Z rows;
     * modified and not modified as {@link #forward(double[][], int)}.
     */
    public double[][] forwardLogits(double[][] x, int batch) {
        double[][] h = x;
        for (int i = 0; i < layers.length; i++) h = layers[i].forward(h, batch, i < layers.length - 1);
        return h;
    }

    /**
     * Back-propagates ∂L/∂output (outputs rows × B) through every layer, writing every parameter's
     * gradient, from the latest forward. Returns ∂L/∂X (inputs rows × B) when {@code inputGrad}, else
     * null: the first layer's own rows, overwritten by the next backward. Modified: every parameter's
     * grad, the layers' work rows. Not modified: {@code dOut}, the parameters' values.
     */
    public double[][] backward(double[][] dOut, boolean inputGrad) {
        int last = layers.length - 1;
        double[][] g = layers[last].backward(dOut, true, inputGrad || last > 0);
        return backThroughHidden(g, true, inputGrad);
    }

    /**
     * Back-propagates ∂L/∂logits (the output layer's pre-activation), skipping the output activation:
     * the GAN losses hand their gradient over here.
     *
     * Returned array, modified and not modified as {@link #backward}; with {@code paramGrads} false the
     * parameters' gradients are not modified either.
     *
     * @param paramGrads write the parameters' gradients (false when only ∂L/∂X is wanted, as in G's step)
     * @param inputGrad  return ∂L/∂X; otherwise null
     */
    public double[][] backwardFromLogits(double[][] dLogits, boolean paramGrads, boolean inputGrad) {
        int last = layers.length - 1;
        double[][] g = layers[last].backwardFromPreActivation(dLogits, paramGrads, inputGrad || last > 0);
        return backThroughHidden(g, paramGrads, inputGrad);
    }

    private double[][] backThroughHidden(double[][] g, boolean paramGrads, boolean inputGrad) {
        for (int i = layers.length - 2; i >= 0; i--) {
            g = layers[i].backward(g, paramGrads, inputGrad || i > 0);
        }
        return inputGrad ? g : null;
    }

    /** The output for a batch X (inputs × B, samples as columns) as a new matrix (outputs × B). X not modified. */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        if (x.numRows != spec.inputs()) {
            throw new IllegalArgumentException("this network (" + spec + ") takes " + spec.inputs() + " rows (one per input, samples as columns), got a "
                    + x.numRows + "×" + x.numCols + " matrix");
        }
        double[][] rows = new double[x.numRows][x.numCols];
        for (int r = 0; r < x.numRows; r++) System.arraycopy(x.data, r * x.numCols, rows[r], 0, x.numCols);
        double[][] y = forward(rows, x.numCols);
        DMatrixRMaj out = new DMatrixRMaj(y.length, x.numCols);
        for (int r = 0; r < y.length; r++) System.arraycopy(y[r], 0, out.data, r * x.numCols, x.numCols);
        return out;
    }

    /** Trainable parameters in a fixed order: layer 1 W, layer 1 b, layer 2 W, … */
    public List<Param> params() {
        return params;
    }

    /** Total number of scalars in all parameters. */
    public int parameterCount() {
        int n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    /** All parameters flattened in {@link #params()} order (a copy). */
    public double[] parameterVector() {
        return flatten(p -> p.value().data);
    }

    /** Sets all parameters from a vector laid out as {@link #parameterVector()}. {@code v} not modified. */
    public void setParameterVector(double[] v) {
        if (v.length != parameterCount()) {
            throw new IllegalArgumentException("parameter vector must have " + parameterCount() + " entries for " + spec + ", got " + v.length);
        }
        int at = 0;
        for (Param p : params) {
            System.arraycopy(v, at, p.value().data, 0, p.size());
            at += p.size();
        }
    }

    /** All gradients flattened in {@link #params()} order (a copy). */
    public double[] gradientVector() {
        return flatten(p -> p.grad().data);
    }

    /** The arrays {@code data} gives for each parameter, one after another in {@link #params()} order (a copy). */
    private double[] flatten(Function<Param, double[]> data) {
        double[] v = new double[parameterCount()];
        int at = 0;
        for (Param p : params) {
            System.arraycopy(data.apply(p), 0, v, at, p.size());
            at += p.size();
        }
        return v;
    }

    public Spec spec() {
        return spec;
    }

    public List<Dense> layers() {
        return List.of(layers);
    }

    @Override
    public String toString() {
        return "Mlp[" + spec + ", " + parameterCount() + " parameters]";
    }
}
