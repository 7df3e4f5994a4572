package org.borderid.bench.jmh.face;

import java.util.ArrayList;
import java.util.List;
import org.borderid.bench.face.FaceBenchData;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.engine.Detection;
import org.borderid.face.engine.FaceAligner;
import org.borderid.face.engine.FaceSelector;
import org.borderid.face.engine.ModelFile;
import org.borderid.face.engine.YuNetDetector;
import org.borderid.image.ImageLimits;
import org.borderid.image.engine.OpenCvImageDecoder;
import org.opencv.core.Mat;

/** The images the face benchmarks cycle through: 64 seeded LFW photos (250×250 JPEG), decoded and aligned. */
final class FaceBenchmarkData {
    static final int IMAGES = 64;
    static final long SEED = 20_250_101L;

    private FaceBenchmarkData() {}

    static List<byte[]> encoded() {
        return FaceBenchData.lfwSample(IMAGES, SEED);
    }

    static List<Mat> decoded(List<byte[]> encoded) {
        List<Mat> mats = new ArrayList<>();
        for (byte[] bytes : encoded) {
            mats.add(OpenCvImageDecoder.decode(bytes, ImageLimits.DEFAULT, true));
        }
        return mats;
    }

    static YuNetDetector detector(FaceEngineConfig config) {
        byte[] model = ModelFile.read(config.detectorModel(), config.detectorSha256(), "face detector");
        return new YuNetDetector(model, config.detectorModel().toString(), (float) config.detectionThreshold(),
                config.detectionMaxSide());
    }

    /** The subject's aligned crop of each image (images without a face are skipped). */
    static List<Mat> aligned(List<Mat> decoded, YuNetDetector detector, FaceEngineConfig config) {
        List<Mat> crops = new ArrayList<>();
        for (Mat image : decoded) {
            List<Detection> faces = detector.detect(image);
            if (!faces.isEmpty()) {
                Detection face = faces.get(FaceSelector.select(faces, image.cols(), image.rows()));
                crops.add(FaceAligner.align(image, face.landmarks(), config.embedder().inputWidth(),
                        config.embedder().inputHeight()));
            }
        }
        return crops;
    }

    static void release(List<Mat> mats) {
        if (mats != null) {
            mats.forEach(Mat::release);
        }
    }
}
