package org.borderid.image.engine.wsq;

/**
 * Decodes the Huffman-coded blocks of a WSQ file into the plane of dequantized wavelet coefficients.
 *
 * <p>Each block (SOB segment, then entropy-coded bytes) selects a Huffman table; the coded symbols of all blocks
 * form one stream of quantized indices in coding order (see {@link WsqSubbandLayout}). Symbols (specification,
 * Huffman coding section): 1..100 a run of that many zeros; 101/102 an 8-bit positive/negative index follows;
 * 103/104 a 16-bit positive/negative index follows; 105/106 an 8/16-bit zero-run length follows; 107..254 the index
 * {@code symbol − 180} (−73..74). Bytes 0xFF in coded data are followed by a stuffed 0x00; 0xFF followed by anything
 * else is a marker that ends the block (its partial code, the padding, is dropped). Restart markers RST0..7 inside a
 * block only re-align the bit stream to a byte, as in JPEG.
 *
 * <p>Work is bounded by the data length plus the pixel count: every code consumes at least one bit and the total
 * number of coefficients is checked against the image before it is written.
 */
public final class WsqEntropyDecoder {
    private WsqEntropyDecoder() {}

    /**
     * Reads every block up to EOI.
     *
     * @return the dequantized coefficient plane, row-major, {@code width × height}
     * @throws org.borderid.image.ImageFormatException {@code CORRUPT} for malformed, truncated or surplus data
     */
    public static float[] decode(WsqStream stream, WsqSubbandLayout layout) {
        WsqDequantizer out = null;
        int marker = stream.skipToBlockOrEnd(stream.nextMarker());
        while (marker != WsqMarkers.EOI) {
            if (out == null) {
                out = new WsqDequantizer(layout, stream.quantization());
            }
            WsqHuffmanTable table = stream.readBlockHeader();
            marker = stream.skipToBlockOrEnd(decodeBlock(new BitReader(stream.bytes()), table, out));
        }
        if (out == null) {
            throw WsqByteReader.corrupt("WSQ data has no coefficient blocks");
        }
        return out.finish();
    }

    /** Decodes symbols until a marker other than a restart; returns that marker. */
    private static int decodeBlock(BitReader bits, WsqHuffmanTable table, WsqDequantizer out) {
        while (true) {
            int symbol = bits.symbol(table);
            if (symbol < 0) {
                int marker = bits.marker();
                if (WsqMarkers.isRestart(marker)) {
                    continue;
                }
                return marker;
            }
            if (symbol >= 1 && symbol <= 100) {
                out.zeros(symbol);
            } else if (symbol >= 107 && symbol <= 254) {
                out.value(symbol - 180);
            } else {
                switch (symbol) {
                    case 101 -> out.value(bits.bits(8));
                    case 102 -> out.value(-bits.bits(8));
                    case 103 -> out.value(bits.bits(16));
                    case 104 -> out.value(-bits.bits(16));
                    case 105 -> out.zeros(bits.bits(8));
                    case 106 -> out.zeros(bits.bits(16));
                    default -> throw WsqByteReader.corrupt("invalid WSQ Huffman symbol " + symbol);
                }
            }
        }
    }

    /** Bits of the entropy-coded data, most significant first, with byte unstuffing and marker detection. */
    private static final class BitReader {
        private final WsqByteReader in;
        private int current;
        private int bitsLeft;
        private int marker;

        BitReader(WsqByteReader in) {
            this.in = in;
        }

        /** The next Huffman symbol, or −1 if a marker was reached first (see {@link #marker()}). */
        int symbol(WsqHuffmanTable table) {
            int code = 0;
            for (int length = 1; length <= WsqHuffmanTable.MAX_CODE_LENGTH; length++) {
                int bit = bit(true);
                if (bit < 0) {
                    return -1;
                }
                code = (code << 1) | bit;
                if (code <= table.maxCode(length)) {
                    return table.symbol(length, code);
                }
            }
            throw WsqByteReader.corrupt("WSQ data holds a bit sequence that is not a Huffman code");
        }

        /** The marker that ended the last {@link #symbol} call. */
        int marker() {
            return marker;
        }

        /** An unsigned {@code count}-bit value (count ≤ 16); a marker inside it is corruption. */
        int bits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                value = (value << 1) | bit(false);
            }
            return value;
        }

        private int bit(boolean markerAllowed) {
            if (bitsLeft == 0) {
                int b = in.u8();
                if (b == 0xFF) {
                    int next = in.u8();
                    if (next != 0) {
                        if (!markerAllowed) {
                            throw WsqByteReader.corrupt("WSQ marker inside a coded value");
                        }
                        marker = 0xFF00 | next;
                        return -1;
                    }
                }
                current = b;
                bitsLeft = 8;
            }
            return (current >>> --bitsLeft) & 1;
        }
    }
}
