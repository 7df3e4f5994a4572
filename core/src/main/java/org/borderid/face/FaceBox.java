package org.borderid.face;

/**
 * Where a face was found, in the pixel coordinates of the input image (origin top-left). The box may extend past the
 * image borders when the face is partly outside the frame.
 *
 * @param x          left edge, pixels
 * @param y          top edge, pixels
 * @param width      width, pixels (positive)
 * @param height     height, pixels (positive)
 * @param confidence the detector's confidence, 0..1
 */
public record FaceBox(double x, double y, double width, double height, double confidence) {
    public FaceBox {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0) || !Double.isFinite(width)
                || !Double.isFinite(height)) {
            throw new IllegalArgumentException("invalid face box " + x + "," + y + " " + width + "x" + height);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in 0..1: " + confidence);
        }
    }

    /** Horizontal centre, pixels. */
    public double centerX() {
        return x + width / 2;
    }

    /** Vertical centre, pixels. */
    public double centerY() {
        return y + height / 2;
    }
}
