package org.borderid.finger.extract;

import java.util.List;
import org.borderid.finger.FingerprintImage;

/**
 * Test patterns with known ground truth: parallel sinusoidal ridges of a given orientation and period inside a disc,
 * optionally with minutiae made by phase singularities.
 *
 * <p>A singularity of sign +1 at a point adds {@code atan2(v, u)} to the ridge phase (u along the ridges, v across,
 * from the point): across the ridges the phase then grows by π more than 2πv/T on the side {@code u > 0} and by π
 * less on the side {@code u < 0}, so the side {@code u > 0} holds one ridge more, and that extra ridge (or valley)
 * ends at the point. In the ISO convention both an ending (pointing into its ridge) and a bifurcation (pointing into
 * the valley that ends there) then point towards +u; sign −1 mirrors it, pointing towards −u.
 */
final class SyntheticPrints {
    /** A minutia at pixel ({@code x}, {@code y}) with singularity sign ±1. */
    record Singularity(double x, double y, int sign) {}

    private SyntheticPrints() {}

    /**
     * A {@code size × size} image at 500 dpi: ridges of direction {@code theta} (radians, pixel coordinates: the ridge
     * runs along (cos θ, sin θ), y down) and period {@code period} inside a centred disc of radius {@code radius},
     * white outside. Ridges are dark (gray 40), valleys light (gray 200).
     */
    static FingerprintImage ridges(int size, double theta, double period, double radius) {
        return image(size, theta, period, radius, List.of(), 255);
    }

    /** Like {@link #ridges}, on a uniform background of the pattern's mean gray (no step at the disc's rim). */
    static FingerprintImage ridgesOnGray(int size, double theta, double period, double radius) {
        return image(size, theta, period, radius, List.of(), 120);
    }

    /**
     * Ridges with minutiae at the given singularities, on the pattern's mean gray, fading out over the outer
     * {@value #RIM} px of the disc the way a real print's contrast fades where the finger leaves the platen.
     */
    static FingerprintImage withMinutiae(int size, double theta, double period, double radius,
            List<Singularity> minutiae) {
        return image(size, theta, period, radius, minutiae, -1);
    }

    /** Width of the fading rim of {@link #withMinutiae}, pixels. */
    static final int RIM = 12;

    /** The ISO direction (radians, [0, 2π)) of a singularity's minutia for ridge direction theta. */
    static double isoDirection(double theta, int sign) {
        double dx = sign * Math.cos(theta);
        double dy = sign * Math.sin(theta);
        double angle = Math.atan2(-dy, dx); // ISO angles are counter-clockwise as seen on the image (y down)
        return angle < 0 ? angle + 2 * Math.PI : angle;
    }

    private static FingerprintImage image(int size, double theta, double period, double radius,
            List<Singularity> minutiae, int background) {
        byte[] pixels = new byte[size * size];
        double c = size / 2.0;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - c;
                double dy = y - c;
                double value = background < 0 ? 120 : background;
                double r = Math.sqrt(dx * dx + dy * dy);
                if (r <= radius) {
                    double phase = 2 * Math.PI * (-dx * sin + dy * cos) / period;
                    for (Singularity s : minutiae) {
                        double mx = x - s.x();
                        double my = y - s.y();
                        phase += s.sign() * Math.atan2(-mx * sin + my * cos, mx * cos + my * sin);
                    }
                    double amplitude = background < 0 ? 80 * Math.min(1, (radius - r) / RIM) : 80;
                    value = 120 - amplitude * Math.cos(phase);
                }
                pixels[y * size + x] = (byte) Math.round(value);
            }
        }
        return FingerprintImage.fromGray(size, size, pixels, 500);
    }
}
