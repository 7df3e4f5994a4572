package org.borderid.image.engine.wsq;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only WSQ encoder: an independent implementation of the forward transform (CDF 9/7 analysis with whole-sample
 * symmetric extension over the same wavelet tree), a uniform quantizer and a canonical Huffman code with mixed code
 * lengths, so that tests can produce WSQ files of any size and structure. Not an FBI-compliant encoder (no
 * subband-adaptive bit allocation); decoding its output exercises every path of the decoder.
 */
public final class WsqTestEncoder {
    /** CDF 9/7 analysis lowpass, centre tap first (right half of the symmetric filter). */
    static final double[] ANALYSIS_LOW = {0.852698679009, 0.377402855613, -0.110624404418, -0.023849465020,
            0.037828455507};
    /** CDF 9/7 analysis highpass, centre tap first. */
    static final double[] ANALYSIS_HIGH = {0.788485616406, -0.418092273222, -0.040689417609, 0.064538882629};

    /** Encoding options; defaults give a near-lossless single-table file. */
    static final class Options {
        /**
         * Bin width as decimal mantissa × 10^-exponent. Default 0.1: near-lossless, while the largest index (the
         * coarsest lowpass reaches about ±128 · 2^5) still fits the 16-bit escape.
         */
        int binMantissa = 1;
        int binExponent = 1;
        /** Subbands (0..59) left uncoded (bin width 0). */
        int[] uncoded = {};
        /** Split the coefficients into the standard three blocks (subbands 0..18, 19..51, 52..59). */
        boolean threeBlocks = true;
        /** Define the Huffman table for blocks 2 and 3 between the blocks (table id 1). */
        boolean tableBetweenBlocks = true;
        /** Insert a restart marker after every this many symbols (0 = none). */
        int restartInterval = 0;
        /** Put the DTT and DQT after the frame header instead of before it. */
        boolean tablesAfterFrame = false;
        /** Add a comment segment. */
        boolean comment = true;
    }

    private WsqTestEncoder() {}

    public static byte[] encode(byte[] gray, int width, int height) {
        return encode(gray, width, height, new Options());
    }

    static byte[] encode(byte[] gray, int width, int height, Options options) {
        double binWidth = options.binMantissa / Math.pow(10, options.binExponent);
        float q = WsqByteReader.descale(options.binMantissa, options.binExponent);
        float z = WsqByteReader.descale(options.binMantissa * 12L, options.binExponent + 1); // Z = 1.2 Q
        boolean[] coded = new boolean[64];
        for (int s = 0; s < 60; s++) {
            coded[s] = true;
        }
        for (int s : options.uncoded) {
            coded[s] = false;
        }
        // Shift 128, scale 1: exactly representable, so the decoder's inverse mapping is exact.
        double[] plane = new double[width * height];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (gray[i] & 0xFF) - 128.0;
        }
        WsqSubbandLayout layout = WsqSubbandLayout.of(width, height);
        double[] low = filter(ANALYSIS_LOW);
        double[] high = filter(ANALYSIS_HIGH);
        for (int node = 0; node < WsqSubbandLayout.NODES; node++) {
            WsqSubbandLayout.Region r = layout.node(node);
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                analyse(plane, y * width + r.x(), 1, r.width(), r.invertX(), low, high);
            }
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                analyse(plane, r.y() * width + x, width, r.height(), r.invertY(), low, high);
            }
        }
        List<List<Integer>> blocks = new ArrayList<>();
        int[] blockStarts = options.threeBlocks ? new int[] {0, 19, 52, 60} : new int[] {0, 60};
        for (int b = 0; b + 1 < blockStarts.length; b++) {
            List<Integer> indices = new ArrayList<>();
            for (int s = blockStarts[b]; s < blockStarts[b + 1]; s++) {
                if (!coded[s]) {
                    continue;
                }
                WsqSubbandLayout.Region r = layout.subband(s);
                for (int y = r.y(); y < r.y() + r.height(); y++) {
                    for (int x = r.x(); x < r.x() + r.width(); x++) {
                        indices.add(quantize(plane[y * width + x], binWidth, 1.2 * binWidth));
                    }
                }
            }
            blocks.add(indices);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, WsqMarkers.SOI);
        if (options.comment) {
            byte[] text = "test encoder".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            u16(out, WsqMarkers.COM);
            u16(out, text.length + 2);
            out.writeBytes(text);
        }
        if (!options.tablesAfterFrame) {
            transformTable(out);
            quantizationTable(out, options, coded);
        }
        huffmanTable(out, 0);
        u16(out, WsqMarkers.SOF);
        u16(out, 17);
        out.write(0);
        out.write(255);
        u16(out, height);
        u16(out, width);
        out.write(0);
        u16(out, 128); // shift 128
        out.write(0);
        u16(out, 1); // scale 1
        out.write(2);
        u16(out, 0);
        if (options.tablesAfterFrame) {
            transformTable(out);
            quantizationTable(out, options, coded);
        }
        for (int b = 0; b < blocks.size(); b++) {
            int table = 0;
            if (b > 0 && options.tableBetweenBlocks) {
                if (b == 1) {
                    huffmanTable(out, 1);
                }
                table = 1;
            }
            u16(out, WsqMarkers.SOB);
            u16(out, 3);
            out.write(table);
            entropyCode(out, blocks.get(b), options.restartInterval);
        }
        u16(out, WsqMarkers.EOI);
        return out.toByteArray();
    }

    /** Whole symmetric filter from its right half. */
    private static double[] filter(double[] half) {
        int c = half.length - 1;
        double[] f = new double[2 * c + 1];
        for (int i = 0; i <= c; i++) {
            double v = descaled(half[i]);
            f[c + i] = v;
            f[c - i] = v;
        }
        return f;
    }

    /** The value the decoder will see after the 9-decimal quantization of the DTT. */
    private static double descaled(double v) {
        return Math.signum(v) * WsqByteReader.descale(Math.round(Math.abs(v) * 1e9), 9);
    }

    /** Forward 1-D analysis in place: lowpass at even, highpass at odd positions, whole-sample symmetric input. */
    private static void analyse(double[] plane, int start, int step, int n, boolean inverted, double[] low,
                                double[] high) {
        if (n == 0) {
            return;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = plane[start + i * step];
        }
        int lowCount = (n + 1) / 2;
        int highCount = n / 2;
        int cl = low.length / 2;
        int ch = high.length / 2;
        double[] result = new double[n];
        for (int k = 0; k < lowCount; k++) {
            double sum = 0;
            for (int i = 0; i < low.length; i++) {
                sum += low[i] * x[mirror(2 * k + i - cl, n)];
            }
            result[inverted ? highCount + k : k] = sum;
        }
        for (int k = 0; k < highCount; k++) {
            double sum = 0;
            for (int i = 0; i < high.length; i++) {
                sum += high[i] * x[mirror(2 * k + 1 + i - ch, n)];
            }
            result[inverted ? k : lowCount + k] = sum;
        }
        for (int i = 0; i < n; i++) {
            plane[start + i * step] = result[i];
        }
    }

    /** Whole-sample symmetric periodic extension of n samples. */
    private static int mirror(int k, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int m = Math.floorMod(k, period);
        return m < n ? m : period - m;
    }

    /** The NIST quantizer: dead zone of half-width Z/2, then bins of width Q. */
    private static int quantize(double v, double q, double z) {
        double half = z / 2;
        if (v >= -half && v <= half) {
            return 0;
        }
        return v > 0 ? (int) ((v - half) / q + 1) : (int) ((v + half) / q - 1);
    }

    private static void transformTable(ByteArrayOutputStream out) {
        u16(out, WsqMarkers.DTT);
        u16(out, 2 + 2 + 6 * (ANALYSIS_LOW.length + ANALYSIS_HIGH.length));
        out.write(2 * ANALYSIS_LOW.length - 1);
        out.write(2 * ANALYSIS_HIGH.length - 1);
        for (double[] half : new double[][] {ANALYSIS_LOW, ANALYSIS_HIGH}) {
            for (double v : half) {
                out.write(v < 0 ? 1 : 0);
                out.write(9);
                long mantissa = Math.round(Math.abs(v) * 1e9);
                u16(out, (int) (mantissa >>> 16));
                u16(out, (int) (mantissa & 0xFFFF));
            }
        }
    }

    private static void quantizationTable(ByteArrayOutputStream out, Options options, boolean[] coded) {
        u16(out, WsqMarkers.DQT);
        u16(out, 389);
        out.write(2);
        u16(out, 44); // C = 0.44
        for (int s = 0; s < 64; s++) {
            boolean c = s < 60 && coded[s];
            out.write(c ? options.binExponent : 0);
            u16(out, c ? options.binMantissa : 0);
            out.write(c ? options.binExponent + 1 : 0);
            u16(out, c ? options.binMantissa * 12 : 0);
        }
    }

    /** Code lengths: symbols 180 (index 0), 1 (one zero) and ±1 get 3 bits, every other symbol 1..254 gets 9. */
    private static final int[] SHORT_SYMBOLS = {180, 1, 179, 181};

    private static List<Integer> symbolOrder() {
        List<Integer> order = new ArrayList<>();
        for (int s : SHORT_SYMBOLS) {
            order.add(s);
        }
        for (int s = 1; s <= 254; s++) {
            if (!order.contains(s)) {
                order.add(s);
            }
        }
        return order;
    }

    private static void huffmanTable(ByteArrayOutputStream out, int id) {
        List<Integer> order = symbolOrder();
        u16(out, WsqMarkers.DHT);
        u16(out, 2 + 1 + 16 + order.size());
        out.write(id);
        for (int length = 1; length <= 16; length++) {
            out.write(length == 3 ? SHORT_SYMBOLS.length : length == 9 ? order.size() - SHORT_SYMBOLS.length : 0);
        }
        for (int s : order) {
            out.write(s);
        }
    }

    /** Canonical codes as in JPEG annex C: {length, code} per symbol. */
    private static int[][] codes() {
        List<Integer> order = symbolOrder();
        int[][] codes = new int[256][];
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int count = length == 3 ? SHORT_SYMBOLS.length : length == 9 ? order.size() - SHORT_SYMBOLS.length : 0;
            for (int i = 0; i < count; i++) {
                codes[order.get(k++)] = new int[] {length, code++};
            }
            code <<= 1;
        }
        return codes;
    }

    private static void entropyCode(ByteArrayOutputStream out, List<Integer> indices, int restartInterval) {
        int[][] codes = codes();
        BitWriter bits = new BitWriter(out);
        int symbols = 0;
        int restart = 0;
        for (int i = 0; i < indices.size(); ) {
            if (restartInterval > 0 && symbols > 0 && symbols % restartInterval == 0) {
                bits.flush();
                u16(out, WsqMarkers.RST0 + (restart++ & 7));
            }
            int v = indices.get(i);
            if (v == 0) {
                int run = 0;
                while (i < indices.size() && indices.get(i) == 0 && run < 65535) {
                    run++;
                    i++;
                }
                if (run <= 100) {
                    bits.write(codes[run]);
                } else if (run <= 255) {
                    bits.write(codes[105]);
                    bits.write(8, run);
                } else {
                    bits.write(codes[106]);
                    bits.write(16, run);
                }
            } else {
                i++;
                if (v >= -73 && v <= 74) {
                    bits.write(codes[v + 180]);
                } else if (Math.abs(v) <= 255) {
                    bits.write(codes[v > 0 ? 101 : 102]);
                    bits.write(8, Math.abs(v));
                } else if (Math.abs(v) <= 65535) {
                    bits.write(codes[v > 0 ? 103 : 104]);
                    bits.write(16, Math.abs(v));
                } else {
                    throw new IllegalArgumentException("quantized index " + v + " does not fit WSQ; use wider bins");
                }
            }
            symbols++;
        }
        bits.flush();
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private int current;
        private int used;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int[] code) {
            write(code[0], code[1]);
        }

        void write(int length, int value) {
            for (int i = length - 1; i >= 0; i--) {
                current = (current << 1) | ((value >>> i) & 1);
                if (++used == 8) {
                    emit();
                }
            }
        }

        /** Pads the last byte with 1-bits. */
        void flush() {
            while (used != 0) {
                current = (current << 1) | 1;
                if (++used == 8) {
                    emit();
                }
            }
        }

        private void emit() {
            out.write(current);
            if (current == 0xFF) {
                out.write(0);
            }
            current = 0;
            used = 0;
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }
}
