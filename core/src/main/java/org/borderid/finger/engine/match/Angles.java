package org.borderid.finger.engine.match;

import org.borderid.finger.Minutia;

/**
 * Angle arithmetic in the template's unit: {@link Minutia#ANGLE_STEPS} steps per turn, directions as seen on the image
 * (counter-clockwise from +x with y pointing down, so a direction {@code s} is the pixel vector
 * {@code (cos, -sin)}).
 */
final class Angles {
    /** Steps per turn (256, the ISO/IEC 19794-2 unit). */
    static final int STEPS = Minutia.ANGLE_STEPS;
    /** Half a turn in steps. */
    static final int HALF = STEPS / 2;
    /** Radians per step. */
    static final double RADIANS_PER_STEP = 2 * Math.PI / STEPS;

    private static final float[] COS = new float[STEPS];
    private static final float[] SIN = new float[STEPS];

    static {
        for (int s = 0; s < STEPS; s++) {
            COS[s] = (float) Math.cos(s * RADIANS_PER_STEP);
            SIN[s] = (float) Math.sin(s * RADIANS_PER_STEP);
        }
    }

    private Angles() {}

    static float cos(int steps) {
        return COS[steps & (STEPS - 1)];
    }

    static float sin(int steps) {
        return SIN[steps & (STEPS - 1)];
    }

    /** {@code a - b} wrapped to [0, 256). */
    static int difference(int a, int b) {
        return (a - b) & (STEPS - 1);
    }

    /** The absolute angular distance between two directions, 0..128 steps. */
    static int distance(int a, int b) {
        int d = (a - b) & (STEPS - 1);
        return d <= HALF ? d : STEPS - d;
    }

    /**
     * The direction, in steps, of the pixel vector (dx, dy) as seen on the image (y down), rounded to the nearest step.
     * A branch-light polynomial arctangent (max error 1e-5 rad, far below the 0.0245 rad step), so that preparing a
     * template does not pay for {@link Math#atan2}.
     */
    static int ofVector(float dx, float dy) {
        float x = dx;
        float y = -dy;
        float ax = Math.abs(x);
        float ay = Math.abs(y);
        if (ax == 0 && ay == 0) {
            return 0;
        }
        boolean steep = ay > ax;
        float t = steep ? ax / ay : ay / ax; // 0..1
        float t2 = t * t;
        // atan(t) on [0,1]: minimax polynomial (Abramowitz & Stegun 4.4.49-style fit), |error| < 1e-5 rad.
        float a = t * (0.99997726f + t2 * (-0.33262347f + t2 * (0.19354346f + t2 * (-0.11643287f
                + t2 * (0.05265332f + t2 * -0.01172120f)))));
        if (steep) {
            a = (float) (Math.PI / 2) - a;
        }
        if (x < 0) {
            a = (float) Math.PI - a;
        }
        if (y < 0) {
            a = -a;
        }
        return Math.round(a * (float) (STEPS / (2 * Math.PI))) & (STEPS - 1);
    }
}
