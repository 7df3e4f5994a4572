package org.borderid.face.engine;

import java.util.List;
import org.borderid.face.FaceBox;

/**
 * Engine-internal: picks the subject among several detected faces: the largest, most central one.
 *
 * <p>Each face scores its box area times a Gaussian weight of its centre's distance from the image centre (distance
 * as a fraction of the half-diagonal). A face in a corner needs a box {@code e^{1/(2σ²)}} times larger than a central
 * one to be chosen. At a kiosk the traveller stands in front of the camera and people queueing behind are smaller and
 * off-centre; in LFW the subject is the face the image was centred on.
 */
public final class FaceSelector {
    /**
     * Width σ of the centrality weight, as a fraction of the half-diagonal: 0.35. A face halfway to the corner keeps
     * 36% of its area score (so it needs 2.8× the area of a central face to win) and one in the corner 2%. Measured on
     * LFW, whose images are centred on their subject: of 13,233 images (2,571 with several faces, YuNet at 0.5), the
     * chosen face is the one nearest the centre whenever a face lies within 25 px of it, except in 1 image (σ = 0.5:
     * 7 images; the largest face alone: 47).
     */
    static final double CENTRALITY_SIGMA = 0.35;

    private FaceSelector() {}

    /**
     * The index of the subject's face.
     *
     * @throws IllegalArgumentException if there are no faces
     */
    public static int select(List<Detection> faces, int imageWidth, int imageHeight) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("no faces to select from");
        }
        double cx = imageWidth / 2.0;
        double cy = imageHeight / 2.0;
        double halfDiagonal = Math.hypot(cx, cy);
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < faces.size(); i++) {
            FaceBox box = faces.get(i).box();
            double d = Math.hypot(box.centerX() - cx, box.centerY() - cy) / halfDiagonal;
            double score = box.width() * box.height() * Math.exp(-d * d / (2 * CENTRALITY_SIGMA * CENTRALITY_SIGMA));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }
}
