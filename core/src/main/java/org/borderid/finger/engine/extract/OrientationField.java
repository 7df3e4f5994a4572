package org.borderid.finger.engine.extract;

/**
 * Engine-internal: the ridge orientation per cell as a doubled-angle unit vector ({@code cos 2θ}, {@code sin 2θ}),
 * where θ ∈ [0, π) is the ridge direction in pixel coordinates (x right, y down), with its reliability 0..1 and the
 * local gradient coherence 0..1 before smoothing (a ridge clarity measure).
 */
public final class OrientationField {
    private final CellGrid grid;
    private final float[] cos2;
    private final float[] sin2;
    private final float[] reliability;
    private final float[] coherence;

    OrientationField(CellGrid grid, float[] cos2, float[] sin2, float[] reliability, float[] coherence) {
        this.grid = grid;
        this.cos2 = cos2;
        this.sin2 = sin2;
        this.reliability = reliability;
        this.coherence = coherence;
    }

    public CellGrid grid() {
        return grid;
    }

    /** Ridge direction of cell {@code i}, radians in [0, π), pixel coordinates. */
    public double angle(int i) {
        return halfAngle(cos2[i], sin2[i]);
    }

    /** Ridge direction at pixel ({@code x}, {@code y}), interpolated between cells, radians in [0, π). */
    public double angleAt(float x, float y) {
        return halfAngle(grid.interpolate(cos2, x, y), grid.interpolate(sin2, x, y));
    }

    /** Agreement of the smoothed orientation around cell {@code i}, 0 (none) .. 1 (parallel ridges). */
    public float reliability(int i) {
        return reliability[i];
    }

    /** Reliability interpolated at a pixel. */
    public float reliabilityAt(float x, float y) {
        return grid.interpolate(reliability, x, y);
    }

    /** Gradient coherence of cell {@code i} before smoothing, 0..1: how cleanly its own ridges are drawn. */
    public float coherence(int i) {
        return coherence[i];
    }

    /** Coherence interpolated at a pixel. */
    public float coherenceAt(float x, float y) {
        return grid.interpolate(coherence, x, y);
    }

    float[] cos2() {
        return cos2;
    }

    float[] sin2() {
        return sin2;
    }

    private static double halfAngle(double c, double s) {
        double a = 0.5 * Math.atan2(s, c);
        return a < 0 ? a + Math.PI : a;
    }
}
