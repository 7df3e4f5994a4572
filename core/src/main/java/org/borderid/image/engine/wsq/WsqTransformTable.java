package org.borderid.image.engine.wsq;

import static org.borderid.image.ImageFormatException.Reason.UNSUPPORTED_FORMAT;

import java.util.Arrays;
import org.borderid.image.ImageFormatException;

/**
 * The wavelet filter pair of a WSQ image (DTT segment), expanded to the two <em>synthesis</em> filters the decoder
 * needs.
 *
 * <p>The segment carries the right halves (centre tap first) of the symmetric <em>analysis</em> filters: first the
 * lowpass (9 taps in every FBI-compliant file), then the highpass (7 taps). Each coefficient is sign (1 byte, non-zero
 * = negative), decimal exponent (1) and an unsigned 32-bit mantissa. The synthesis filters are the analysis filters of
 * the other band modulated by (−1)^n around their centre: the synthesis lowpass comes from the analysis highpass and
 * vice versa (the quadrature-mirror relation of a biorthogonal pair).
 *
 * <p>Only odd (whole-sample symmetric) filters are supported: the FBI specification's 9/7 pair and every WSQ
 * encoder we know of use them. Even-length filters are refused as {@code UNSUPPORTED_FORMAT}.
 *
 * @param lowpass  synthesis lowpass taps, odd length, symmetric about the centre
 * @param highpass synthesis highpass taps, odd length, symmetric about the centre
 */
public record WsqTransformTable(float[] lowpass, float[] highpass) {
    /**
     * Longest accepted filter, taps. The specification's filters have 9 and 7 taps; 31 leaves room for any other
     * biorthogonal pair an encoder might declare while bounding the work per pixel (decode time grows with the taps).
     */
    public static final int MAX_TAPS = 31;

    public WsqTransformTable {
        lowpass = checkFilter(lowpass).clone();
        highpass = checkFilter(highpass).clone();
    }

    /** A copy of the synthesis lowpass taps. */
    @Override
    public float[] lowpass() {
        return lowpass.clone();
    }

    /** A copy of the synthesis highpass taps. */
    @Override
    public float[] highpass() {
        return highpass.clone();
    }

    /** The synthesis lowpass taps without a copy, for the filter bank (never modified). */
    float[] lowpassTaps() {
        return lowpass;
    }

    /** The synthesis highpass taps without a copy, for the filter bank (never modified). */
    float[] highpassTaps() {
        return highpass;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WsqTransformTable t && Arrays.equals(t.lowpass, lowpass)
                && Arrays.equals(t.highpass, highpass);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lowpass) + Arrays.hashCode(highpass);
    }

    @Override
    public String toString() {
        return "WsqTransformTable[lowpass " + Arrays.toString(lowpass) + ", highpass " + Arrays.toString(highpass)
                + "]";
    }

    private static float[] checkFilter(float[] taps) {
        if (taps == null || taps.length % 2 == 0 || taps.length > MAX_TAPS) {
            throw new IllegalArgumentException("synthesis filters need an odd number of taps up to " + MAX_TAPS);
        }
        for (int i = 0; i < taps.length / 2; i++) {
            if (Float.compare(taps[i], taps[taps.length - 1 - i]) != 0) {
                throw new IllegalArgumentException("synthesis filters must be symmetric about their centre tap");
            }
        }
        return taps;
    }

    /** Reads a DTT segment (the marker already consumed). */
    static WsqTransformTable read(WsqByteReader in) {
        int payload = in.segmentPayload(WsqMarkers.DTT);
        int end = in.position() + payload;
        int analysisLowLength = in.u8();
        int analysisHighLength = in.u8();
        for (int length : new int[] {analysisLowLength, analysisHighLength}) {
            if (length == 0) {
                throw WsqByteReader.corrupt("WSQ transform table declares a filter with no taps");
            }
            if (length % 2 == 0) {
                throw new ImageFormatException(UNSUPPORTED_FORMAT,
                        "WSQ with even-length (half-sample symmetric) wavelet filters is not supported");
            }
            if (length > MAX_TAPS) {
                throw new ImageFormatException(UNSUPPORTED_FORMAT,
                        "WSQ wavelet filter of " + length + " taps exceeds the supported " + MAX_TAPS);
            }
        }
        int expected = 2 + 6 * ((analysisLowLength + 1) / 2 + (analysisHighLength + 1) / 2);
        if (payload != expected) {
            throw WsqByteReader.corrupt("WSQ transform table length " + (payload + 2) + " does not match its "
                    + analysisLowLength + "/" + analysisHighLength + " filters");
        }
        float[] highpass = modulatedSymmetric(in, analysisLowLength);
        float[] lowpass = modulatedSymmetric(in, analysisHighLength);
        if (in.position() != end) {
            throw new IllegalStateException("transform table parse out of step");
        }
        return new WsqTransformTable(lowpass, highpass);
    }

    /** Reads the right half of a symmetric filter and returns the whole filter modulated by (−1)^distance. */
    private static float[] modulatedSymmetric(WsqByteReader in, int length) {
        int centre = length / 2;
        float[] taps = new float[length];
        for (int distance = 0; distance <= centre; distance++) {
            int sign = in.u8();
            int exponent = in.u8();
            float value = WsqByteReader.descale(in.u32(), exponent);
            if (sign != 0) {
                value = -value;
            }
            if (distance % 2 == 1) {
                value = -value;
            }
            taps[centre + distance] = value;
            taps[centre - distance] = value;
        }
        return taps;
    }
}
