package org.borderid.finger.standard;

import java.util.Objects;
import org.borderid.finger.MinutiaType;

/**
 * One minutia as a finger minutiae record stores it, in the record's own pixel grid and resolution.
 *
 * <p>The direction is kept in degrees because both standards' units are exact in degrees (ISO 360/256 = 1.40625°,
 * ANSI 2°): a record read and written in the same format is unchanged. Writing it in the other format rounds to
 * that format's unit.
 *
 * @param type      ending, bifurcation or other (type codes 01, 10, 00)
 * @param x         column, record pixels, 0..16383 (14 bits)
 * @param y         row, record pixels, 0..16383 (14 bits)
 * @param direction degrees, [0, 360), counter-clockwise from the positive x axis as seen on the image
 * @param quality   0..100, 0 = not reported
 */
public record StandardMinutia(MinutiaType type, int x, int y, double direction, int quality) {
    /** Largest coordinate (14 bits). */
    public static final int MAX_COORDINATE = 0x3FFF;

    public StandardMinutia {
        Objects.requireNonNull(type, "type");
        if (x < 0 || x > MAX_COORDINATE || y < 0 || y > MAX_COORDINATE) {
            throw new IllegalArgumentException("minutia position out of 0.." + MAX_COORDINATE + ": " + x + "," + y);
        }
        if (!(direction >= 0 && direction < 360)) {
            throw new IllegalArgumentException("minutia direction must be in [0, 360) degrees: " + direction);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("minutia quality out of 0..100: " + quality);
        }
    }
}
