package org.borderid.finger.standard;

import java.util.List;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.standard.engine.RecordCodec;
import org.borderid.finger.standard.engine.TemplateConversion;

/**
 * A finger minutiae record of ISO/IEC 19794-2:2005 or ANSI INCITS 378-2004: the exchange format fingerprint
 * templates travel in between vendors (passports' and ID cards' chips hold images, but watchlists and legacy
 * enrolment systems often hold these records).
 *
 * <p>The model is format-neutral: {@link #read} either standard, {@link #write} either standard. Coordinates stay in
 * the record's own pixel grid and resolution; {@link #toTemplate} and {@link #fromTemplate} convert to and from
 * BorderID's 500 dpi {@link FingerprintTemplate}. Layouts and conversions: {@code docs/templates.md}.
 *
 * @param productOwner CBEFF product owner of the software that made the record (ANSI only; 0 = unreported, and
 *                     always 0 when read from ISO, which has no such field)
 * @param productType  CBEFF product type (ANSI only, as {@code productOwner})
 * @param device       capture equipment
 * @param width        width of the image the minutiae were extracted from, pixels, 1..65535
 * @param height       height of that image, pixels, 1..65535
 * @param resolutionX  horizontal resolution, pixels per centimetre, 1..65535 (197 ≈ 500 dpi)
 * @param resolutionY  vertical resolution, pixels per centimetre, 1..65535
 * @param views        at most 255 finger views
 */
public record FingerMinutiaeRecord(int productOwner, int productType, CaptureDevice device, int width, int height,
                                   int resolutionX, int resolutionY, List<FingerView> views) {
    /** Pixels per centimetre of a 500 dpi scanner, as records store it: round(500 / 2.54) = 197. */
    public static final int PPCM_500_DPI = 197;
    /** Most views a record can hold (1-byte count). */
    public static final int MAX_VIEWS = 255;

    public FingerMinutiaeRecord {
        checkUnsigned16(productOwner, "CBEFF product owner");
        checkUnsigned16(productType, "CBEFF product type");
        java.util.Objects.requireNonNull(device, "device");
        checkPositive16(width, "image width");
        checkPositive16(height, "image height");
        checkPositive16(resolutionX, "horizontal resolution");
        checkPositive16(resolutionY, "vertical resolution");
        views = List.copyOf(views);
        if (views.size() > MAX_VIEWS) {
            throw new IllegalArgumentException("a record holds at most " + MAX_VIEWS + " views, got " + views.size());
        }
    }

    /**
     * Reads a record of the given standard. Bytes after the record's declared length are ignored (some capture
     * software hands out fixed-size, zero-padded buffers).
     *
     * @throws StandardRecordFormatException for anything that is not a complete, consistent record
     */
    public static FingerMinutiaeRecord read(byte[] data, RecordFormat format) {
        return RecordCodec.read(data, format);
    }

    /**
     * Reads a record of either standard, telling them apart by the record length field (the only difference in
     * their first bytes; see {@link #detect}).
     */
    public static FingerMinutiaeRecord read(byte[] data) {
        return RecordCodec.read(data, detect(data));
    }

    /**
     * Which standard a record is written in. Both begin "FMR\0 20\0"; ISO then has a 4-byte length (its first two
     * bytes are 0 below 64 KiB) and ANSI a 2-byte length of at least 26, or 0 followed by a 4-byte length.
     *
     * @throws StandardRecordFormatException {@code NOT_A_RECORD}, {@code UNSUPPORTED_VERSION} or {@code TRUNCATED}
     */
    public static RecordFormat detect(byte[] data) {
        return RecordCodec.detect(data);
    }

    /** The record in the given standard's bytes. */
    public byte[] write(RecordFormat format) {
        return RecordCodec.write(this, format);
    }

    /**
     * One view as a BorderID template: coordinates rescaled from this record's resolution to 500 dpi
     * ({@code x · 500 / (resolutionX · 2.54)}, rounded), directions rounded to the template's 1.40625° unit.
     *
     * @param view one of {@link #views()}
     */
    public FingerprintTemplate toTemplate(FingerView view) {
        if (!views.contains(view)) {
            throw new IllegalArgumentException("the view does not belong to this record");
        }
        return TemplateConversion.toTemplate(this, view);
    }

    /**
     * A single-view record of a template at {@link #PPCM_500_DPI}: lossless for ISO (coordinates round-trip exactly
     * and directions are already in ISO units), within one 1.40625° unit for ANSI's 2° angles.
     *
     * @param template the template
     * @param position the finger
     */
    public static FingerMinutiaeRecord fromTemplate(FingerprintTemplate template, FingerPosition position) {
        FingerView view = TemplateConversion.fromTemplate(template, position, 0, FingerView.LIVE_SCAN_PLAIN,
                PPCM_500_DPI, PPCM_500_DPI);
        return new FingerMinutiaeRecord(0, 0, CaptureDevice.UNREPORTED,
                TemplateConversion.toRecordPixels(template.width(), PPCM_500_DPI),
                TemplateConversion.toRecordPixels(template.height(), PPCM_500_DPI), PPCM_500_DPI, PPCM_500_DPI,
                List.of(view));
    }

    private static void checkUnsigned16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " is an unsigned 16-bit number: " + value);
        }
    }

    private static void checkPositive16(int value, String what) {
        if (value < 1 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " must be 1..65535: " + value);
        }
    }
}
