package org.borderid.image.engine;

import org.borderid.image.GrayImage;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageLimits;

/** Engine-internal: FBI WSQ decoder. (Being implemented; see issue 2.) */
public final class WsqDecoder {
    private WsqDecoder() {}

    public static GrayImage decode(byte[] data, ImageLimits limits) {
        throw new ImageFormatException(ImageFormatException.Reason.UNSUPPORTED_FORMAT, "WSQ decoding is not available yet");
    }
}
