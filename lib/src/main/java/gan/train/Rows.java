package gan.train;

import gan.Check;

/**
 * The two layouts of a data set and the moves between them: sample rows (n × d, one row per sample, as
 * callers hold data) and feature rows (d × n, one row per dimension, as the networks take it).
 */
final class Rows {
    private Rows() {
    }

    /**
     * Sample rows (n × dim) to feature rows (dim × n), checking that there is at least one row, that each has
     * {@code dim} values and that all are finite; the message names {@code name}, the row and the column.
     */
    static double[][] featureRows(int dim, double[][] rows, String name) {
        Check.notNull(name, rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        double[][] f = new double[dim][rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != dim) {
                throw new IllegalArgumentException(name + " row " + i + " must have " + dim + " values (D's input size), got "
                        + (rows[i] == null ? "null" : rows[i].length));
            }
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(name + " row " + i + " column " + j + " must be a finite number, got " + rows[i][j]);
                }
                f[j][i] = rows[i][j];
            }
        }
        return f;
    }

    /** Feature rows (d × at least n) to n sample rows (n × d). */
    static double[][] sampleRows(double[][] f, int n) {
        double[][] r = new double[n][f.length];
        for (int j = 0; j < f.length; j++) {
            for (int i = 0; i < n; i++) r[i][j] = f[j][i];
        }
        return r;
    }
}
