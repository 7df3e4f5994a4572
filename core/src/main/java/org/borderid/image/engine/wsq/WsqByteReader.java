package org.borderid.image.engine.wsq;

import static org.borderid.image.ImageFormatException.Reason.CORRUPT;

import org.borderid.image.ImageFormatException;

/**
 * Bounds-checked big-endian reads over the WSQ bytes. Reading past the end is a {@code CORRUPT} (truncated) image,
 * never an {@link ArrayIndexOutOfBoundsException}.
 */
final class WsqByteReader {
    private final byte[] data;
    private int position;

    WsqByteReader(byte[] data) {
        this.data = data;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    int u8() {
        require(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        require(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** An unsigned 32-bit value, as a long. */
    long u32() {
        require(4);
        long value = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    void skip(int count) {
        require(count);
        position += count;
    }

    /** Reads a marker (0xFF then a code byte) and returns it as 0xFFxx. */
    int marker() {
        int marker = u16();
        if ((marker & 0xFF00) != 0xFF00) {
            throw corrupt(String.format("WSQ marker expected at byte %d, found 0x%04X", position - 2, marker));
        }
        return marker;
    }

    /**
     * Reads a segment's length field (which counts its own two bytes) and checks that the segment fits in the data.
     *
     * @return the number of payload bytes after the length field
     */
    int segmentPayload(int marker) {
        int length = u16();
        if (length < 2) {
            throw corrupt("WSQ " + WsqMarkers.name(marker) + " segment with length " + length);
        }
        if (length - 2 > remaining()) {
            throw corrupt("WSQ " + WsqMarkers.name(marker) + " segment runs past the end of the data (truncated?)");
        }
        return length - 2;
    }

    private void require(int count) {
        if (count < 0 || count > data.length - position) {
            throw corrupt("WSQ data ends unexpectedly at byte " + position + " (truncated?)");
        }
    }

    /**
     * A WSQ "scaled" number: {@code raw / 10^scale}. Divided one power of ten at a time and rounded to float after
     * each step, as the NIST reference decoder does, so that filter taps and bin widths are bit-identical to it.
     */
    static float descale(long raw, int scale) {
        float value = raw;
        for (int i = 0; i < scale; i++) {
            value = (float) (value / 10.0);
        }
        return value;
    }

    static ImageFormatException corrupt(String message) {
        return new ImageFormatException(CORRUPT, message);
    }
}
