package org.borderid.finger.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;

/** Seeded synthetic templates and geometric transformations of templates, for matcher tests. */
final class SyntheticTemplates {
    private SyntheticTemplates() {}

    /**
     * Minutiae spread over a width × height area at least {@code spacing} pixels apart (as on a finger, where
     * minutiae closer than a ridge period are rare), with random directions and types.
     */
    static FingerprintTemplate random(Random random, int count, int width, int height, int spacing) {
        List<Minutia> minutiae = new ArrayList<>();
        for (int attempts = 0; minutiae.size() < count && attempts < 100_000; attempts++) {
            int x = 20 + random.nextInt(width - 40);
            int y = 20 + random.nextInt(height - 40);
            boolean free = true;
            for (Minutia m : minutiae) {
                if ((m.x() - x) * (m.x() - x) + (m.y() - y) * (m.y() - y) < spacing * spacing) {
                    free = false;
                    break;
                }
            }
            if (free) {
                minutiae.add(Minutia.ofAngleSteps(x, y, random.nextInt(256),
                        random.nextBoolean() ? MinutiaType.ENDING : MinutiaType.BIFURCATION, 60));
            }
        }
        return FingerprintTemplate.of(width, height, minutiae, 60);
    }

    /**
     * The template rotated by {@code degrees} (counter-clockwise as seen) about its grid centre and shifted by
     * (dx, dy), on a grid large enough to hold it; positions round to pixels, directions to the ISO unit.
     */
    static FingerprintTemplate transformed(FingerprintTemplate template, double degrees, int dx, int dy) {
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = template.width() / 2.0;
        double cy = template.height() / 2.0;
        int margin = (template.width() + template.height()) / 2 + Math.abs(dx) + Math.abs(dy);
        List<Minutia> minutiae = new ArrayList<>();
        for (Minutia m : template.minutiae()) {
            double x = m.x() - cx;
            double y = m.y() - cy;
            // Counter-clockwise as seen on the image (y down): (x, y) -> (x cos + y sin, -x sin + y cos).
            double rx = x * cos + y * sin + cx + dx + margin;
            double ry = -x * sin + y * cos + cy + dy + margin;
            minutiae.add(new Minutia((int) Math.round(rx), (int) Math.round(ry), m.direction() + radians, m.type(),
                    m.quality()));
        }
        return FingerprintTemplate.of(template.width() + 2 * margin, template.height() + 2 * margin, minutiae,
                template.quality());
    }
}
