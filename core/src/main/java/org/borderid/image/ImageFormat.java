package org.borderid.image;

/** Encoded image formats BorderID reads. */
public enum ImageFormat {
    PNG,
    JPEG,
    BMP,
    TIFF,
    /** FBI Wavelet Scalar Quantization (fingerprints only). */
    WSQ
}
