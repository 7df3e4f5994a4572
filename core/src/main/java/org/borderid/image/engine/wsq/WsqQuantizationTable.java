package org.borderid.image.engine.wsq;

import java.util.Arrays;

/**
 * The scalar quantizer of a WSQ image (DQT segment): per subband a bin width {@code Q} and a zero-bin width
 * {@code Z}, plus one bin centre {@code C} shared by all subbands.
 *
 * <p>Layout (big-endian, 389 bytes including the length field): length (2), exponent (1) + C (2), then for each of
 * the 64 subbands exponent (1) + Q (2) and exponent (1) + Z (2). A subband with {@code Q = 0} carries no data.
 *
 * <p>Dequantization (specification, section "Decoding"): a quantized index {@code p > 0} becomes
 * {@code Q·(p − C) + Z/2}, {@code p < 0} becomes {@code Q·(p + C) − Z/2}, and 0 stays 0.
 *
 * @param binCenter {@code C}, fraction of a bin (0.44 in files from the NIST encoder)
 * @param binWidths {@code Q} per subband (64 values; 0 = subband not coded)
 * @param zeroBins  {@code Z} per subband (64 values)
 */
public record WsqQuantizationTable(float binCenter, float[] binWidths, float[] zeroBins) {
    /** Number of subbands a quantization table describes. */
    public static final int SUBBANDS = 64;
    /** The DQT segment's fixed length, bytes (including the 2-byte length field). */
    static final int LENGTH = 2 + 3 + SUBBANDS * 6;

    public WsqQuantizationTable {
        if (binWidths == null || zeroBins == null || binWidths.length != SUBBANDS || zeroBins.length != SUBBANDS) {
            throw new IllegalArgumentException("a WSQ quantization table has " + SUBBANDS + " bin and zero-bin widths");
        }
        binWidths = binWidths.clone();
        zeroBins = zeroBins.clone();
    }

    @Override
    public float[] binWidths() {
        return binWidths.clone();
    }

    @Override
    public float[] zeroBins() {
        return zeroBins.clone();
    }

    /** {@code Q} of one subband. */
    public float binWidth(int subband) {
        return binWidths[subband];
    }

    /** {@code Z} of one subband. */
    public float zeroBin(int subband) {
        return zeroBins[subband];
    }

    /** Whether the subband carries coded coefficients ({@code Q ≠ 0}). */
    public boolean isCoded(int subband) {
        return binWidths[subband] != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WsqQuantizationTable t && Float.compare(t.binCenter, binCenter) == 0
                && Arrays.equals(t.binWidths, binWidths) && Arrays.equals(t.zeroBins, zeroBins);
    }

    @Override
    public int hashCode() {
        return (31 * Float.hashCode(binCenter) + Arrays.hashCode(binWidths)) * 31 + Arrays.hashCode(zeroBins);
    }

    @Override
    public String toString() {
        return "WsqQuantizationTable[C " + binCenter + ", Q " + Arrays.toString(binWidths) + ", Z "
                + Arrays.toString(zeroBins) + "]";
    }

    /** Reads a DQT segment (the marker already consumed). */
    static WsqQuantizationTable read(WsqByteReader in) {
        int length = in.u16();
        if (length != LENGTH) {
            throw WsqByteReader.corrupt("WSQ quantization table has length " + length + ", expected " + LENGTH);
        }
        int centerExponent = in.u8();
        float center = WsqByteReader.descale(in.u16(), centerExponent);
        float[] widths = new float[SUBBANDS];
        float[] zeros = new float[SUBBANDS];
        for (int i = 0; i < SUBBANDS; i++) {
            int widthExponent = in.u8();
            widths[i] = WsqByteReader.descale(in.u16(), widthExponent);
            int zeroExponent = in.u8();
            zeros[i] = WsqByteReader.descale(in.u16(), zeroExponent);
        }
        return new WsqQuantizationTable(center, widths, zeros);
    }
}
