package org.borderid.face.engine;

import java.util.List;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEmbedding;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.FaceModelDescriptor;
import org.borderid.face.FaceQuality;
import org.borderid.face.QualityIssue;
import org.borderid.image.ImageFormatException;
import org.borderid.image.ImageHeader;
import org.borderid.image.engine.OpenCvImageDecoder;
import org.opencv.core.Mat;

/**
 * Engine-internal: the face pipeline, decode → detect → select → align → assess → (gate) → embed.
 */
public final class FacePipeline {
    /**
     * Smallest image side accepted, pixels: 32. A face in a smaller image has an inter-eye distance of a few pixels,
     * far below what the embedder can use (docs/face.md); such images are refused before decoding.
     */
    public static final int MIN_IMAGE_SIDE = 32;

    private FacePipeline() {}

    /**
     * Captures the subject's face from an encoded image.
     *
     * @throws ImageFormatException if the bytes are not a supported image, are corrupt, or the image is too large
     *                              ({@code TOO_LARGE}, before decoding) or too small ({@code TOO_SMALL})
     */
    public static FaceCapture capture(byte[] encoded, FaceWorker worker, FaceEngineConfig config) {
        ImageHeader header = ImageHeader.read(encoded);
        if (Math.min(header.width(), header.height()) < MIN_IMAGE_SIDE) {
            throw new ImageFormatException(ImageFormatException.Reason.TOO_SMALL, "image of " + header.width() + "x"
                    + header.height() + " pixels is below the " + MIN_IMAGE_SIDE + "-pixel minimum side for faces");
        }
        Mat image = OpenCvImageDecoder.decode(encoded, config.imageLimits(), true);
        try {
            return capture(image, worker, config);
        } finally {
            image.release();
        }
    }

    private static FaceCapture capture(Mat image, FaceWorker worker, FaceEngineConfig config) {
        int width = image.cols();
        int height = image.rows();
        List<Detection> faces = worker.detector().detect(image);
        if (faces.isEmpty()) {
            return new FaceCapture.NoFace(width, height);
        }
        Detection face = faces.get(FaceSelector.select(faces, width, height));
        FaceModelDescriptor model = config.embedder();
        Mat aligned = FaceAligner.align(image, face.landmarks(), model.inputWidth(), model.inputHeight());
        try {
            FaceQuality quality = FaceQualityAssessor.assess(aligned, face.box(), face.landmarks(), width, height);
            List<QualityIssue> issues = config.qualityPolicy().issues(quality, faces.size());
            if (config.qualityGate() && !issues.isEmpty()) {
                return new FaceCapture.LowQuality(quality, issues, faces.size(), face.box(), face.landmarks());
            }
            FaceEmbedding embedding = FaceEmbedding.of(model.name(),
                    worker.embedder().embed(aligned, config.flipAveraging()));
            return new FaceCapture.Face(embedding, quality, issues, faces.size(), face.box(), face.landmarks());
        } finally {
            aligned.release();
        }
    }
}
