package org.borderid.image.engine.wsq;

/**
 * The last decoding step: reconstructed values back to 8-bit gray, {@code round(value·R + M)} clamped to 0..255,
 * with the frame header's scale {@code R} and shift {@code M} (rounding as the NIST reference decoder: add 0.5 in
 * single precision, truncate).
 */
public final class WsqGrayConversion {
    private WsqGrayConversion() {}

    public static byte[] toGray(float[] plane, WsqFrameHeader frame) {
        float scale = frame.scale();
        float shift = frame.shift();
        byte[] gray = new byte[plane.length];
        for (int i = 0; i < plane.length; i++) {
            float v = plane[i] * scale + shift;
            v = (float) (v + 0.5);
            int level;
            if (!(v >= 0)) { // also NaN, which corrupt coefficients can produce through overflow
                level = 0;
            } else if (v > 255) {
                level = 255;
            } else {
                level = (int) v;
            }
            gray[i] = (byte) level;
        }
        return gray;
    }
}
