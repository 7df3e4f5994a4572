package org.borderid.image.engine.wsq;

/**
 * Places dequantized coefficients, in coding order (subbands 0..59 with a non-zero bin width, each row-major), into
 * the image plane at their subband's position. Positions not written (uncoded subbands, zero runs) stay 0.
 *
 * <p>Arithmetic follows the NIST reference decoder (single precision, the zero-bin half-width added in double
 * precision) so that reconstructed pixels match it exactly.
 */
final class WsqDequantizer {
    private final WsqSubbandLayout layout;
    private final WsqQuantizationTable table;
    private final float[] plane;
    private final int stride;
    private final float binCenter;
    private final long expected;
    private long written;

    private int subband = -1;
    private int regionWidth;
    private int rowsLeft;
    private int column;
    private int offset;
    private float binWidth;
    private float zeroBin;

    WsqDequantizer(WsqSubbandLayout layout, WsqQuantizationTable table) {
        this.layout = layout;
        this.table = table;
        this.stride = layout.width();
        this.plane = new float[Math.multiplyExact(layout.width(), layout.height())];
        this.binCenter = table.binCenter();
        long total = 0;
        for (int s = 0; s < WsqSubbandLayout.CODED_SUBBANDS; s++) {
            if (table.isCoded(s)) {
                WsqSubbandLayout.Region r = layout.subband(s);
                total += (long) r.width() * r.height();
            }
        }
        this.expected = total;
        nextSubband();
    }

    /** Skips {@code count} zero coefficients. */
    void zeros(int count) {
        if (count > expected - written) {
            throw tooMany();
        }
        written += count;
        while (count > 0) {
            int step = Math.min(count, regionWidth - column);
            column += step;
            offset += step;
            count -= step;
            if (column == regionWidth) {
                nextRow();
            }
        }
    }

    /** Writes one quantized index {@code q}, dequantized. */
    void value(int q) {
        if (written == expected) {
            throw tooMany();
        }
        written++;
        float v;
        if (q > 0) {
            v = (float) (binWidth * ((float) q - binCenter) + zeroBin / 2.0);
        } else if (q < 0) {
            v = (float) (binWidth * ((float) q + binCenter) - zeroBin / 2.0);
        } else {
            v = 0;
        }
        plane[offset++] = v;
        if (++column == regionWidth) {
            nextRow();
        }
    }

    /** The plane of dequantized coefficients; {@code CORRUPT} if the data held fewer coefficients than the image. */
    float[] finish() {
        if (written != expected) {
            throw WsqByteReader.corrupt("WSQ coefficient data ends after " + written + " of " + expected
                    + " coefficients (truncated?)");
        }
        return plane;
    }

    private void nextRow() {
        column = 0;
        offset += stride - regionWidth;
        if (--rowsLeft == 0) {
            nextSubband();
        }
    }

    private void nextSubband() {
        while (++subband < WsqSubbandLayout.CODED_SUBBANDS) {
            WsqSubbandLayout.Region r = layout.subband(subband);
            if (table.isCoded(subband) && r.width() > 0 && r.height() > 0) {
                regionWidth = r.width();
                rowsLeft = r.height();
                column = 0;
                offset = r.y() * stride + r.x();
                binWidth = table.binWidth(subband);
                zeroBin = table.zeroBin(subband);
                return;
            }
        }
        regionWidth = 0; // past the last subband: every further coefficient is refused by the count check
        rowsLeft = 0;
    }

    private static RuntimeException tooMany() {
        return WsqByteReader.corrupt("WSQ coefficient data holds more coefficients than the image has");
    }
}
