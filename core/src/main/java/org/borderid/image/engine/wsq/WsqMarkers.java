package org.borderid.image.engine.wsq;

/**
 * WSQ marker codes (FBI IAFIS-IC-0110 v3, "WSQ Gray-scale Fingerprint Image Compression Specification", table of
 * markers). Every marker is 0xFF followed by a code byte; all but SOI, EOI and the restart markers start a segment
 * whose big-endian 16-bit length counts itself.
 */
final class WsqMarkers {
    /** Start of image. */
    static final int SOI = 0xFFA0;
    /** End of image. */
    static final int EOI = 0xFFA1;
    /** Start of frame (image dimensions, shift and scale). */
    static final int SOF = 0xFFA2;
    /** Start of block (selects the Huffman table of the entropy-coded data that follows). */
    static final int SOB = 0xFFA3;
    /** Define transform table (the wavelet filter pair). */
    static final int DTT = 0xFFA4;
    /** Define quantization table (bin widths of the 64 subbands). */
    static final int DQT = 0xFFA5;
    /** Define Huffman table(s). */
    static final int DHT = 0xFFA6;
    /** Define restart interval. */
    static final int DRT = 0xFFA7;
    /** Comment (NISTCOM and free text). */
    static final int COM = 0xFFA8;
    /** First restart marker RST0; RST0..RST7 are 0xFFB0..0xFFB7 and may appear inside entropy-coded data. */
    static final int RST0 = 0xFFB0;
    /** Last restart marker RST7. */
    static final int RST7 = 0xFFB7;

    private WsqMarkers() {}

    static boolean isRestart(int marker) {
        return marker >= RST0 && marker <= RST7;
    }

    /** A short name for messages ("SOF", "0xFF12"). */
    static String name(int marker) {
        return switch (marker) {
            case SOI -> "SOI";
            case EOI -> "EOI";
            case SOF -> "SOF";
            case SOB -> "SOB";
            case DTT -> "DTT";
            case DQT -> "DQT";
            case DHT -> "DHT";
            case DRT -> "DRT";
            case COM -> "COM";
            default -> isRestart(marker) ? "RST" + (marker - RST0) : String.format("0x%04X", marker);
        };
    }
}
