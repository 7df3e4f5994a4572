package org.borderid.face;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link FaceEngine#capture}: a usable face, a face the quality gate refused, or no face.
 *
 * <p>All three are expected outcomes at a kiosk, never exceptions. {@link #facesSeen()} counts every face the detector
 * found; when there are several, the engine keeps the largest, most central one.
 */
public sealed interface FaceCapture {
    /** Number of faces the detector found in the image (0 for {@link NoFace}). */
    int facesSeen();

    /**
     * A face with its embedding.
     *
     * @param embedding the unit-length embedding
     * @param quality   quality measurements
     * @param issues    problems found by the engine's {@link FaceQualityPolicy} (empty when none; when the quality gate
     *                  is on this is always empty, as faces with issues become {@link LowQuality})
     * @param facesSeen faces the detector found (≥ 1)
     * @param box       where the chosen face is
     * @param landmarks its five landmarks
     */
    record Face(FaceEmbedding embedding, FaceQuality quality, List<QualityIssue> issues, int facesSeen, FaceBox box,
            FaceLandmarks landmarks) implements FaceCapture {
        public Face {
            Objects.requireNonNull(embedding, "embedding");
            Objects.requireNonNull(quality, "quality");
            issues = List.copyOf(issues);
            Objects.requireNonNull(box, "box");
            Objects.requireNonNull(landmarks, "landmarks");
            if (facesSeen < 1) {
                throw new IllegalArgumentException("facesSeen must be at least 1: " + facesSeen);
            }
        }
    }

    /**
     * A face was found but the quality gate refused it; {@link #issues()} says why (show
     * {@link QualityIssue#guidance()} and capture again). No embedding is computed.
     *
     * @param quality   quality measurements
     * @param issues    the problems (not empty)
     * @param facesSeen faces the detector found (≥ 1)
     * @param box       where the chosen face is
     * @param landmarks its five landmarks
     */
    record LowQuality(FaceQuality quality, List<QualityIssue> issues, int facesSeen, FaceBox box,
            FaceLandmarks landmarks) implements FaceCapture {
        public LowQuality {
            Objects.requireNonNull(quality, "quality");
            issues = List.copyOf(issues);
            if (issues.isEmpty()) {
                throw new IllegalArgumentException("a LowQuality capture needs at least one issue");
            }
            Objects.requireNonNull(box, "box");
            Objects.requireNonNull(landmarks, "landmarks");
            if (facesSeen < 1) {
                throw new IllegalArgumentException("facesSeen must be at least 1: " + facesSeen);
            }
        }
    }

    /**
     * No face was found in the image.
     *
     * @param imageWidth  width of the decoded image, pixels
     * @param imageHeight height of the decoded image, pixels
     */
    record NoFace(int imageWidth, int imageHeight) implements FaceCapture {
        public NoFace {
            if (imageWidth < 1 || imageHeight < 1) {
                throw new IllegalArgumentException("image size must be positive: " + imageWidth + "x" + imageHeight);
            }
        }

        @Override
        public int facesSeen() {
            return 0;
        }

        /** Guidance for the traveller. */
        public String guidance() {
            return "No face found; please look at the camera.";
        }
    }
}
