package gan.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor and its gradient, side by side. Layers write {@code grad} in their backward pass;
 * optimizers read it and update {@code value} (micrograd's {@code Module.parameters()} pattern).
 *
 * @param name  where it lives, e.g. {@code "D.1.W"} (network, layer, W or b)
 * @param value the parameter (rows × cols); modified by optimizers
 * @param grad  ∂loss/∂value, same shape; modified by backward passes
 */
public record Param(String name, DMatrixRMaj value, DMatrixRMaj grad) {

    /** A zero parameter and gradient of the given shape. */
    public static Param zeros(String name, int rows, int cols) {
        return new Param(name, new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols));
    }

    /** Number of scalars. */
    public int size() {
        return value.getNumElements();
    }
}
