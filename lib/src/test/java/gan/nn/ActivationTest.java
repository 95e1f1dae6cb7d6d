package gan.nn;

import static gan.Tolerances.*;
import static org.junit.jupiter.api.Assertions.*;

import gan.GradientCheck;
import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void derivativeMatchesCentralDifferences() {
        double[] zs = {-3.1, -0.7, -0.01, 0.02, 0.5, 2.9};
        for (Activation f : Activation.values()) {
            for (double z : zs) {
                GradientCheck.assertAgree(f.derivative(z, f.apply(z)), GradientCheck.derivative(f::apply, z), f + " at " + z);
            }
        }
    }

    @Test
    void arrayFormsAgreeWithScalarForms() {
        double[] z = {-2, -0.5, 0, 0.25, 3};
        double[] dy = {0.3, -1, 2, 0.5, -0.25};
        for (Activation f : Activation.values()) {
            double[] y = new double[z.length], dz = new double[z.length];
            f.forward(z, y, z.length);
            f.backward(z, y, dy, dz, z.length);
            for (int i = 0; i < z.length; i++) {
                assertEquals(f.apply(z[i]), y[i], EXACT, f + " forward");
                assertEquals(dy[i] * f.derivative(z[i], y[i]), dz[i], EXACT, f + " backward at z = " + z[i]);
            }
        }
    }

    @Test
    void sigmoidIsStableForHugeInputs() {
        assertEquals(1.0, Activation.sigmoid(1000));
        assertEquals(0.0, Activation.sigmoid(-1000));
        assertEquals(0.5, Activation.sigmoid(0));
        assertFalse(Double.isNaN(Activation.sigmoid(-745.2)));
    }

    @Test
    void sigmoidGivesTheBitsOfTheTwoBranchForm() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(18);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 36.7, -36.7, 709.8, -745.2, -746,
            1000, -1000, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < 200_000 + special.length; i++) {
            double z = i < special.length ? special[i] : (r.nextDouble() - 0.5) * Math.scalb(1.0, r.nextInt(-40, 12));
            double e = z >= 0 ? Math.exp(-z) : Math.exp(z);
            double twoBranch = z >= 0 ? 1 / (1 + e) : e / (1 + e);    // the form before issue 18's second round
            assertEquals(Double.doubleToRawLongBits(twoBranch), Double.doubleToRawLongBits(Activation.sigmoid(z)), "sigmoid(" + z + ")");
        }
        assertTrue(Double.isNaN(Activation.sigmoid(Double.NaN)));
        double[] z = new double[special.length + 50_000], s = new double[z.length];
        for (int i = 0; i < z.length; i++) z[i] = i < special.length ? special[i] : (r.nextDouble() - 0.5) * Math.scalb(1.0, r.nextInt(-40, 12));
        Activation.sigmoid(z, s, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Activation.sigmoid(z[i])), Double.doubleToRawLongBits(s[i]), "batch sigmoid(" + z[i] + ")");
        }
    }

    @Test
    void reluIsExactAtTheKinkAndPropagatesNaN() {
        double[] z = {-0.0, 0.0, 1e-300, Double.NaN}, y = new double[4], dz = new double[4];
        Activation.RELU.forward(z, y, 4);
        Activation.RELU.backward(z, y, new double[] {1, 1, 1, 1}, dz, 4);
        assertEquals(0.0, dz[0]);
        assertEquals(0.0, dz[1]);
        assertEquals(1.0, dz[2]);
        assertTrue(Double.isNaN(y[3]) && Double.isNaN(dz[3]));
    }

    @Test
    void parseNamesTheAllowedValues() {
        assertEquals(Activation.LEAKY_RELU, Activation.parse("leaky-relu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("softmax"));
        assertTrue(e.getMessage().contains("softmax") && e.getMessage().contains("relu"), e.getMessage());
    }
}
