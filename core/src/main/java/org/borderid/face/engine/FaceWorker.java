package org.borderid.face.engine;

import org.borderid.face.FaceEngineConfig;

/**
 * Engine-internal: the per-thread state of the pipeline, a detector and an embedder. OpenCV's {@code Net} and
 * {@code FaceDetectorYN} are not thread-safe, so each concurrent capture uses its own worker ({@link WorkerPool}).
 *
 * @param detector the face detector
 * @param embedder the embedding model
 */
public record FaceWorker(YuNetDetector detector, Embedder embedder) {
    /** Loads both models from their bytes (already read and checksummed by {@link ModelFile}). */
    public static FaceWorker load(FaceEngineConfig config, byte[] detectorModel, byte[] embedderModel) {
        YuNetDetector detector = new YuNetDetector(detectorModel, config.detectorModel().toString(),
                (float) config.detectionThreshold(), config.detectionMaxSide());
        return new FaceWorker(detector, new Embedder(config.embedder(), embedderModel));
    }
}
