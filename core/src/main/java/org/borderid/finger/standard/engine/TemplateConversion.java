package org.borderid.finger.standard.engine;

import java.util.ArrayList;
import java.util.List;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.finger.standard.FingerView;
import org.borderid.finger.standard.StandardMinutia;

/**
 * Engine-internal: converts between a record's pixel grid and BorderID's 500 dpi template grid.
 *
 * <p>Record pixels at {@code r} pixels per centimetre are {@code 2.54 · r} dpi, so a record coordinate {@code c}
 * is {@code c · 500 / (2.54 · r)} template pixels (rounded), and back. At 197 px/cm (500.38 dpi) the factor is
 * 0.99924: template → record → template is exact for every coordinate, because the record grid is the finer one.
 * Directions: the template's unit is ISO's (360/256°), so ISO angles convert exactly; ANSI's 2° units round to the
 * nearest ISO unit (within one unit both ways). With different horizontal and vertical resolutions the direction
 * vector is rescaled too.
 */
public final class TemplateConversion {
    /** The template grid's resolution, dpi. */
    private static final double TEMPLATE_DPI = 500;
    private static final double CM_PER_INCH = 2.54;

    private TemplateConversion() {}

    /** Template pixels per record pixel at {@code pixelsPerCm}. */
    private static double toTemplateScale(int pixelsPerCm) {
        return TEMPLATE_DPI / (pixelsPerCm * CM_PER_INCH);
    }

    /** A template length (pixels at 500 dpi) in record pixels at {@code pixelsPerCm}, at least 1. */
    public static int toRecordPixels(int templatePixels, int pixelsPerCm) {
        long v = Math.round(templatePixels / toTemplateScale(pixelsPerCm));
        return (int) Math.max(1, Math.min(0xFFFF, v));
    }

    public static FingerprintTemplate toTemplate(FingerMinutiaeRecord record, FingerView view) {
        double sx = toTemplateScale(record.resolutionX());
        double sy = toTemplateScale(record.resolutionY());
        List<Minutia> minutiae = new ArrayList<>(view.minutiae().size());
        int maxX = 0;
        int maxY = 0;
        for (StandardMinutia m : view.minutiae()) {
            int x = clampCoordinate(Math.round(m.x() * sx));
            int y = clampCoordinate(Math.round(m.y() * sy));
            double radians = Math.toRadians(m.direction());
            if (sx != sy) {
                // The direction vector (cos, −sin) in record pixels, stretched like the coordinates.
                radians = Math.atan2(Math.sin(radians) * sy, Math.cos(radians) * sx);
            }
            minutiae.add(new Minutia(x, y, radians, m.type(), m.quality()));
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        // Minutiae outside the declared image (seen in third-party records) widen the grid instead of failing.
        int width = Math.max(clampSize(Math.round(record.width() * sx)), maxX + 1);
        int height = Math.max(clampSize(Math.round(record.height() * sy)), maxY + 1);
        return FingerprintTemplate.of(width, height, minutiae, view.quality());
    }

    public static FingerView fromTemplate(FingerprintTemplate template, FingerPosition position, int viewNumber,
                                          int impressionType, int resolutionX, int resolutionY) {
        if (resolutionX < 1 || resolutionX > 0xFFFF || resolutionY < 1 || resolutionY > 0xFFFF) {
            throw new IllegalArgumentException("resolution must be 1..65535 pixels per centimetre");
        }
        if (template.minutiae().size() > FingerView.MAX_MINUTIAE) {
            throw new IllegalArgumentException("a finger view holds at most " + FingerView.MAX_MINUTIAE
                    + " minutiae; the template has " + template.minutiae().size());
        }
        double sx = toTemplateScale(resolutionX);
        double sy = toTemplateScale(resolutionY);
        List<StandardMinutia> minutiae = new ArrayList<>(template.minutiae().size());
        for (Minutia m : template.minutiae()) {
            double degrees;
            if (sx == sy) {
                degrees = m.angleSteps() * (360.0 / Minutia.ANGLE_STEPS); // exact in degrees
            } else {
                double radians = Math.atan2(Math.sin(m.direction()) / sy, Math.cos(m.direction()) / sx);
                degrees = Math.toDegrees(radians);
                degrees = degrees < 0 ? degrees + 360 : degrees;
                degrees = degrees >= 360 ? 0 : degrees;
            }
            minutiae.add(new StandardMinutia(m.type(), clampRecordCoordinate(Math.round(m.x() / sx)),
                    clampRecordCoordinate(Math.round(m.y() / sy)), degrees, m.quality()));
        }
        return new FingerView(position.code(), viewNumber, impressionType, template.quality(), minutiae,
                new byte[0]);
    }

    private static int clampCoordinate(long v) {
        return (int) Math.max(0, Math.min(Minutia.MAX_COORDINATE, v));
    }

    private static int clampRecordCoordinate(long v) {
        return (int) Math.max(0, Math.min(StandardMinutia.MAX_COORDINATE, v));
    }

    private static int clampSize(long v) {
        return (int) Math.max(1, Math.min(Minutia.MAX_COORDINATE + 1, v));
    }
}
