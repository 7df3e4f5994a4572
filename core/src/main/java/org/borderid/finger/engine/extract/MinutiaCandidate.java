package org.borderid.finger.engine.extract;

import org.borderid.finger.MinutiaType;

/**
 * Engine-internal: a minutia found on the skeleton, before the final filters.
 *
 * @param x         column, pixels at 500 dpi
 * @param y         row, pixels at 500 dpi
 * @param direction radians, ISO convention (counter-clockwise as seen on the image, see
 *                  {@link org.borderid.finger.Minutia})
 * @param type      ending or bifurcation
 * @param quality   0..1
 */
public record MinutiaCandidate(float x, float y, double direction, MinutiaType type, float quality) {
    public MinutiaCandidate {
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Double.isFinite(direction)) {
            throw new IllegalArgumentException("minutia candidate must be finite");
        }
        if (type == MinutiaType.OTHER) {
            throw new IllegalArgumentException("the extractor only finds endings and bifurcations");
        }
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality out of 0..1: " + quality);
        }
    }

    /** The unit vector of the direction in pixel coordinates (y down). */
    public double dx() {
        return Math.cos(direction);
    }

    /** The unit vector of the direction in pixel coordinates (y down). */
    public double dy() {
        return -Math.sin(direction);
    }

    public double distance(MinutiaCandidate other) {
        return Math.hypot(other.x - x, other.y - y);
    }
}
