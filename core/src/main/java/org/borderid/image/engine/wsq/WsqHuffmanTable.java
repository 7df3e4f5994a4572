package org.borderid.image.engine.wsq;

/**
 * A canonical Huffman code (DHT segment), as in JPEG (ITU-T T.81 annex C): the number of codes of each length
 * 1..16 and the symbols in code order. Decoding compares the code read so far with the largest code of its length.
 *
 * <p>Layout of one DHT segment: length (2), then one or more tables: id (1, 0..7), counts of codes of length 1..16
 * (16 × 1), symbols (as many bytes as codes).
 */
final class WsqHuffmanTable {
    /** Longest code, bits. */
    static final int MAX_CODE_LENGTH = 16;
    /** Table ids 0..7 (the specification allows eight tables). */
    static final int MAX_TABLES = 8;
    /** At most 256 symbols (one byte each). */
    private static final int MAX_SYMBOLS = 256;

    private final int[] maxCode = new int[MAX_CODE_LENGTH + 1];
    private final int[] minCode = new int[MAX_CODE_LENGTH + 1];
    private final int[] firstSymbol = new int[MAX_CODE_LENGTH + 1];
    private final int[] symbols;

    private WsqHuffmanTable(int[] counts, int[] symbols) {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= MAX_CODE_LENGTH; length++) {
            int count = counts[length];
            if (count == 0) {
                maxCode[length] = -1;
            } else {
                firstSymbol[length] = k;
                minCode[length] = code;
                code += count;
                k += count;
                if (code > (1 << length)) {
                    throw WsqByteReader.corrupt("WSQ Huffman table has more codes of length " + length
                            + " than fit (not a prefix code)");
                }
                maxCode[length] = code - 1;
            }
            code <<= 1;
        }
    }

    /** The largest code of each length (−1 if none), indexed by length 1..16. */
    int maxCode(int length) {
        return maxCode[length];
    }

    /** The symbol of {@code code}, which has {@code length} bits and is at most {@link #maxCode(int)}. */
    int symbol(int length, int code) {
        return symbols[firstSymbol[length] + code - minCode[length]];
    }

    /**
     * Reads a DHT segment (the marker already consumed) into {@code tables}, indexed by table id. A later definition
     * of an id replaces the earlier one.
     */
    static void read(WsqByteReader in, WsqHuffmanTable[] tables) {
        int payload = in.segmentPayload(WsqMarkers.DHT);
        int end = in.position() + payload;
        if (payload == 0) {
            throw WsqByteReader.corrupt("WSQ Huffman table segment is empty");
        }
        while (in.position() < end) {
            int id = in.u8();
            if (id >= MAX_TABLES) {
                throw WsqByteReader.corrupt("WSQ Huffman table id " + id + " (expected 0.." + (MAX_TABLES - 1) + ")");
            }
            int[] counts = new int[MAX_CODE_LENGTH + 1];
            int total = 0;
            for (int length = 1; length <= MAX_CODE_LENGTH; length++) {
                counts[length] = in.u8();
                total += counts[length];
            }
            if (total == 0 || total > MAX_SYMBOLS) {
                throw WsqByteReader.corrupt("WSQ Huffman table with " + total + " symbols");
            }
            if (total > end - in.position()) {
                throw WsqByteReader.corrupt("WSQ Huffman table runs past its segment");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = in.u8();
            }
            tables[id] = new WsqHuffmanTable(counts, symbols);
        }
        if (in.position() != end) {
            throw WsqByteReader.corrupt("WSQ Huffman table runs past its segment");
        }
    }
}
