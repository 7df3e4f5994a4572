package org.borderid.server.service;

import java.util.List;
import java.util.Objects;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.finger.standard.FingerView;
import org.borderid.finger.standard.StandardRecordFormatException;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageLimits;

/**
 * Turns one finger capture into a template: decodes and extracts an image, or reads a standard minutiae record.
 * Thread-safe.
 */
public final class FingerReader {
    /**
     * Fewest minutiae a template needs to be compared: the matcher scores templates with fewer than four usable
     * minutiae 0 against everything ({@code FingerprintMatcher}), so they can only ever say NO_MATCH.
     */
    public static final int MIN_MINUTIAE = 4;

    /** The outcome for one capture. */
    public sealed interface Result {
        /** A template to compare. */
        record Usable(FingerFeature feature) implements Result {}

        /** A readable capture too poor to use (feedback for the traveller). */
        record Unusable(CaptureIssue issue) implements Result {}

        /** Not a readable image or record at all (a client error). */
        record Undecodable(CaptureIssue issue) implements Result {}
    }

    private final FingerprintExtractor extractor;
    private final ImageLimits limits;

    public FingerReader(FingerprintExtractor extractor, ImageLimits limits) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads a capture.
     *
     * @param minQuality captures of lower quality (0..100) are {@link Result.Unusable}
     */
    public Result read(FingerCapture capture, int minQuality) {
        return capture.image() != null ? extract(capture, minQuality) : fromRecord(capture);
    }

    /** Runs the extractor on an image and discards the result (start-up warm-up only). */
    void extractForWarmup(FingerprintImage image) {
        extractor.extract(image);
    }

    private Result extract(FingerCapture c, int minQuality) {
        FingerprintExtraction extraction;
        try {
            extraction = extractor.extract(FingerprintImage.decode(c.image(), c.dpi(), limits));
        } catch (ImageFormatException e) {
            return new Result.Undecodable(new CaptureIssue(c.field(), "finger", e.reason().name(),
                    "The finger image cannot be used: " + e.getMessage()));
        }
        return switch (extraction) {
            case FingerprintExtraction.Extracted x when x.quality() < minQuality -> new Result.Unusable(
                    new CaptureIssue(c.field(), "finger", "LOW_QUALITY", "The fingerprint is unclear (quality "
                            + x.quality() + " < " + minQuality + "); clean the scanner and press the finger flat."));
            case FingerprintExtraction.Extracted x -> usable(c, c.position(), x.template(), x.quality());
            case FingerprintExtraction.LowQuality q -> new Result.Unusable(new CaptureIssue(c.field(), "finger",
                    q.reason().name(), guidance(q.reason())));
        };
    }

    private Result fromRecord(FingerCapture c) {
        FingerMinutiaeRecord record;
        try {
            record = FingerMinutiaeRecord.read(c.record());
        } catch (StandardRecordFormatException e) {
            return new Result.Undecodable(new CaptureIssue(c.field(), "finger", e.reason().name(),
                    "The minutiae record cannot be read: " + e.getMessage()));
        }
        List<FingerView> views = c.position() == FingerPosition.UNKNOWN ? record.views()
                : record.views().stream().filter(v -> v.position() == c.position()).toList();
        if (views.isEmpty() || (c.position() == FingerPosition.UNKNOWN && views.size() > 1)) {
            return new Result.Undecodable(new CaptureIssue(c.field(), "finger", "NO_SUCH_VIEW", views.isEmpty()
                    ? "The record holds no view of " + c.position() + "."
                    : "The record holds " + views.size() + " finger views; give the finger position to choose one."));
        }
        FingerView view = views.get(0);
        FingerprintTemplate template;
        try {
            template = record.toTemplate(view);
        } catch (IllegalArgumentException e) {
            return new Result.Undecodable(new CaptureIssue(c.field(), "finger", "CORRUPT",
                    "The minutiae record cannot be converted: " + e.getMessage()));
        }
        FingerPosition position = c.position() == FingerPosition.UNKNOWN ? view.position() : c.position();
        return usable(c, position, template, view.quality());
    }

    private static Result usable(FingerCapture c, FingerPosition position, FingerprintTemplate t, int quality) {
        if (t.minutiae().size() < MIN_MINUTIAE) {
            return new Result.Unusable(new CaptureIssue(c.field(), "finger", "TOO_FEW_MINUTIAE",
                    guidance(FingerprintExtraction.Reason.TOO_FEW_MINUTIAE)));
        }
        return new Result.Usable(new FingerFeature(c.field(), position, t, quality));
    }

    /** What a kiosk tells the traveller for each extraction outcome. */
    static String guidance(FingerprintExtraction.Reason reason) {
        return switch (reason) {
            case TOO_SMALL -> "The fingerprint image is too small; use the full scanner area.";
            case NO_FINGERPRINT -> "No fingerprint found; place your finger on the scanner.";
            case TOO_LITTLE_AREA -> "Press your finger flat and fully on the scanner.";
            case POOR_RIDGE_QUALITY -> "The fingerprint is unclear; clean the scanner and dry or moisten your finger.";
            case TOO_FEW_MINUTIAE -> "Too little of the fingerprint was captured; place the finger flat and centred.";
        };
    }
}
