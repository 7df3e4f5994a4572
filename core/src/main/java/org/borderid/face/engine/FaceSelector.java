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
     * Width σ of the centrality weight, as a fraction of the half-diagonal: 0.5, so a face halfway to the corner
     * (distance 0.5) keeps 61% of its area score and one in the corner 14%. Chosen so that an off-centre face must be
     * clearly larger (≥ 1.6× area halfway out) to win; on LFW (View 1 pairs) no central subject loses to a bystander.
     */
    static final double CENTRALITY_SIGMA = 0.5;

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
