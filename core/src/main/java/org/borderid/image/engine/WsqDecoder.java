package org.borderid.image.engine;

import static org.borderid.image.ImageFormatException.Reason.CORRUPT;
import static org.borderid.image.ImageFormatException.Reason.UNSUPPORTED_FORMAT;

import org.borderid.image.GrayImage;
import org.borderid.image.ImageFormat;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageHeader;
import org.borderid.image.ImageLimits;
import org.borderid.image.engine.wsq.WsqEntropyDecoder;
import org.borderid.image.engine.wsq.WsqFrameHeader;
import org.borderid.image.engine.wsq.WsqGrayConversion;
import org.borderid.image.engine.wsq.WsqStream;
import org.borderid.image.engine.wsq.WsqSubbandLayout;
import org.borderid.image.engine.wsq.WsqSynthesis;

/**
 * Engine-internal: the FBI Wavelet Scalar Quantization decoder (IAFIS-IC-0110 v3), pixel-compatible with the NIST
 * NBIS reference decoder. Pure Java; corrupt or truncated input ends in {@link ImageFormatException}, never in an
 * unchecked exception, and the declared size is checked against {@link ImageLimits} before anything is allocated.
 *
 * <p>Memory: one float plane (4 bytes per pixel) plus the 8-bit result.
 */
public final class WsqDecoder {
    private WsqDecoder() {}

    /**
     * Decodes WSQ bytes to 8-bit gray.
     *
     * @throws ImageFormatException {@code EMPTY}, {@code UNSUPPORTED_FORMAT} (not WSQ, or a WSQ variant this decoder
     *                              lacks), {@code TOO_LARGE} (refused before decoding) or {@code CORRUPT}
     */
    public static GrayImage decode(byte[] data, ImageLimits limits) {
        ImageHeader header = ImageHeader.read(data);
        if (header.format() != ImageFormat.WSQ) {
            throw new ImageFormatException(UNSUPPORTED_FORMAT, "not a WSQ image: " + header.format());
        }
        limits.check(header.width(), header.height());
        WsqStream stream = WsqStream.open(data);
        WsqFrameHeader frame = stream.frame();
        if (frame.width() != header.width() || frame.height() != header.height()) {
            throw new ImageFormatException(CORRUPT, "WSQ frame header disagrees with the image header");
        }
        WsqSubbandLayout layout = WsqSubbandLayout.of(frame.width(), frame.height());
        float[] plane = WsqEntropyDecoder.decode(stream, layout);
        WsqSynthesis.reconstruct(plane, layout, stream.transform());
        return new GrayImage(frame.width(), frame.height(), WsqGrayConversion.toGray(plane, frame));
    }
}
