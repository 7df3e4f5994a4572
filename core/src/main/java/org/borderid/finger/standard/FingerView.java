package org.borderid.finger.standard;

import java.util.Arrays;
import java.util.List;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.standard.engine.TemplateConversion;

/**
 * One finger view of a finger minutiae record: which finger, which impression, its quality and minutiae.
 *
 * <p>Finger position codes 0..10 are the {@link FingerPosition}s; codes 11..15 (plain multi-finger and thumb
 * positions of ISO/IEC 19794-4 and ANSI/NIST-ITL, seen in records from some capture software) are accepted and kept
 * as a raw code, with {@link #position()} {@link FingerPosition#UNKNOWN}.
 *
 * @param positionCode   finger position code, 0..15
 * @param viewNumber     view number of this finger, 0..15 (several impressions of one finger are views 0, 1, ...)
 * @param impressionType impression type code, 0..15: 0 live-scan plain, 1 live-scan rolled, 2 non-live-scan plain,
 *                       3 non-live-scan rolled, 8 swipe (ANSI also 9, live-scan contactless); kept as is
 * @param quality        finger quality 0..100
 * @param minutiae       at most 255 minutiae, in the record's pixel grid
 * @param extendedData   the extended data block (ridge counts, cores and deltas, vendor data) as raw bytes, without
 *                       its 2-byte length; empty if none. At most 65,535 bytes. Copied in and out
 */
public record FingerView(int positionCode, int viewNumber, int impressionType, int quality,
                         List<StandardMinutia> minutiae, byte[] extendedData) {
    /** Highest finger position code accepted. */
    public static final int MAX_POSITION_CODE = 15;
    /** Impression type code of a live-scan plain impression (what a kiosk scanner captures). */
    public static final int LIVE_SCAN_PLAIN = 0;
    /** Most minutiae a view can hold (1-byte count). */
    public static final int MAX_MINUTIAE = 255;
    /** Longest extended data block (2-byte length). */
    public static final int MAX_EXTENDED_DATA = 0xFFFF;

    public FingerView {
        if (positionCode < 0 || positionCode > MAX_POSITION_CODE) {
            throw new IllegalArgumentException("finger position code out of 0.." + MAX_POSITION_CODE + ": "
                    + positionCode);
        }
        if (viewNumber < 0 || viewNumber > 15) {
            throw new IllegalArgumentException("view number is 4 bits: " + viewNumber);
        }
        if (impressionType < 0 || impressionType > 15) {
            throw new IllegalArgumentException("impression type is 4 bits: " + impressionType);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("finger quality out of 0..100: " + quality);
        }
        minutiae = List.copyOf(minutiae);
        if (minutiae.size() > MAX_MINUTIAE) {
            throw new IllegalArgumentException("a finger view holds at most " + MAX_MINUTIAE + " minutiae, got "
                    + minutiae.size());
        }
        extendedData = extendedData == null ? new byte[0] : extendedData.clone();
        if (extendedData.length > MAX_EXTENDED_DATA) {
            throw new IllegalArgumentException("extended data longer than " + MAX_EXTENDED_DATA + " bytes");
        }
    }

    /** A view without extended data. */
    public FingerView(FingerPosition position, int viewNumber, int impressionType, int quality,
                      List<StandardMinutia> minutiae) {
        this(position.code(), viewNumber, impressionType, quality, minutiae, new byte[0]);
    }

    /**
     * A view of a template for a record of the given resolution (coordinates rescaled from 500 dpi and rounded;
     * directions converted exactly, the template's unit being ISO's). Combine views into a record with
     * {@link FingerMinutiaeRecord}'s constructor; {@link FingerMinutiaeRecord#fromTemplate} does it for one view.
     *
     * @param resolutionX record pixels per centimetre, horizontally (197 ≈ 500 dpi)
     * @param resolutionY record pixels per centimetre, vertically
     */
    public static FingerView fromTemplate(FingerprintTemplate template, FingerPosition position, int viewNumber,
                                          int impressionType, int resolutionX, int resolutionY) {
        return TemplateConversion.fromTemplate(template, position, viewNumber, impressionType, resolutionX,
                resolutionY);
    }

    /** The finger; {@link FingerPosition#UNKNOWN} for codes 11..15 (see {@link #positionCode()}). */
    public FingerPosition position() {
        return positionCode <= 10 ? FingerPosition.ofCode(positionCode) : FingerPosition.UNKNOWN;
    }

    /** A copy of the extended data block. */
    @Override
    public byte[] extendedData() {
        return extendedData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerView v && v.positionCode == positionCode && v.viewNumber == viewNumber
                && v.impressionType == impressionType && v.quality == quality && v.minutiae.equals(minutiae)
                && Arrays.equals(v.extendedData, extendedData);
    }

    @Override
    public int hashCode() {
        return ((positionCode * 31 + viewNumber) * 31 + impressionType) * 31 + quality + 31 * minutiae.hashCode()
                + Arrays.hashCode(extendedData);
    }

    @Override
    public String toString() {
        return "FingerView[" + position() + " (code " + positionCode + "), view " + viewNumber + ", impression "
                + impressionType + ", quality " + quality + ", " + minutiae.size() + " minutiae, "
                + extendedData.length + " bytes extended data]";
    }
}
