package org.borderid.finger;

import java.util.Objects;

/**
 * One minutia of a fingerprint template, in the template's 500 dpi pixel grid.
 *
 * <p>Conventions (those of ISO/IEC 19794-2, so that standard records convert without loss):
 * <ul>
 *   <li>{@code x} grows to the right and {@code y} downwards, origin at the top-left pixel.</li>
 *   <li>{@code direction} is in radians, [0, 2π), counter-clockwise from the positive x axis <em>as seen on the
 *       image</em> (so the unit vector is (cos d, −sin d) in pixel coordinates). For an ending it points along the
 *       ridge, away from the ending, into the ridge; for a bifurcation, along the valley that ends there (the
 *       ISO convention). It is quantised to the ISO unit of 2π/256 (1.40625°): the constructor rounds to it.</li>
 *   <li>{@code quality} is 0..100 (ISO), 0 meaning "not reported".</li>
 * </ul>
 *
 * @param x         column, pixels at 500 dpi (0..16383)
 * @param y         row, pixels at 500 dpi (0..16383)
 * @param direction radians, [0, 2π), rounded to multiples of 2π/256
 * @param type      ending, bifurcation or other
 * @param quality   0..100
 */
public record Minutia(int x, int y, double direction, MinutiaType type, int quality) {
    /** Angle resolution: 256 steps per turn (ISO/IEC 19794-2 unit). */
    public static final int ANGLE_STEPS = 256;
    /** Largest coordinate a standard record can carry (14 bits). */
    public static final int MAX_COORDINATE = 16383;

    public Minutia {
        if (x < 0 || y < 0 || x > MAX_COORDINATE || y > MAX_COORDINATE) {
            throw new IllegalArgumentException("minutia position out of range 0.." + MAX_COORDINATE + ": " + x + "," + y);
        }
        if (!Double.isFinite(direction)) {
            throw new IllegalArgumentException("minutia direction is not finite: " + direction);
        }
        Objects.requireNonNull(type, "type");
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("minutia quality out of range 0..100: " + quality);
        }
        direction = fromAngleSteps(toAngleSteps(direction));
    }

    /** Convenience constructor from the ISO angle unit (0..255, 1.40625° each). */
    public static Minutia ofAngleSteps(int x, int y, int angleSteps, MinutiaType type, int quality) {
        return new Minutia(x, y, fromAngleSteps(angleSteps), type, quality);
    }

    /** The direction in ISO angle units, 0..255. */
    public int angleSteps() {
        return toAngleSteps(direction);
    }

    /** Rounds radians (any finite value) to the nearest ISO angle unit, 0..255. */
    public static int toAngleSteps(double radians) {
        long steps = Math.round(radians * ANGLE_STEPS / (2 * Math.PI));
        return (int) Math.floorMod(steps, ANGLE_STEPS);
    }

    /** Radians of an ISO angle unit count (taken modulo 256). */
    public static double fromAngleSteps(int steps) {
        return Math.floorMod(steps, ANGLE_STEPS) * (2 * Math.PI / ANGLE_STEPS);
    }
}
