package org.borderid.image.engine.wsq;

/**
 * The WSQ frame header (SOF segment): image size and the affine map from reconstructed values to gray levels.
 *
 * <p>Layout (big-endian, 17 bytes including the length field): length (2) = 17, black (1), white (1), height (2),
 * width (2), shift exponent (1) + shift (2), scale exponent (1) + scale (2), encoder number (1), software id (2).
 *
 * @param black    the gray level of black declared by the encoder (informative; the output always spans 0..255)
 * @param white    the gray level of white declared by the encoder (informative)
 * @param width    pixels
 * @param height   pixels
 * @param shift    the mean the encoder subtracted ({@code M} in the specification), gray levels
 * @param scale    the factor the encoder divided by ({@code R}), gray levels per reconstructed unit
 * @param encoder  the encoder algorithm number (2 for the FBI specification's encoder)
 * @param software the software implementation number (0 when not registered)
 */
public record WsqFrameHeader(int black, int white, int width, int height, float shift, float scale, int encoder,
                             int software) {
    /** The SOF segment's fixed length, bytes (including the 2-byte length field). */
    static final int LENGTH = 17;

    static WsqFrameHeader read(WsqByteReader in) {
        int length = in.u16();
        if (length != LENGTH) {
            throw WsqByteReader.corrupt("WSQ frame header has length " + length + ", expected " + LENGTH);
        }
        int black = in.u8();
        int white = in.u8();
        int height = in.u16();
        int width = in.u16();
        int shiftExponent = in.u8();
        float shift = WsqByteReader.descale(in.u16(), shiftExponent);
        int scaleExponent = in.u8();
        float scale = WsqByteReader.descale(in.u16(), scaleExponent);
        int encoder = in.u8();
        int software = in.u16();
        return new WsqFrameHeader(black, white, width, height, shift, scale, encoder, software);
    }
}
