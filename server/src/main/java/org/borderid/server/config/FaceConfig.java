package org.borderid.server.config;

/**
 * Where the face models are. Without a face section the server runs without faces: face captures get 503.
 *
 * @param detector     the YuNet ONNX file ({@code face_detection_yunet_2023mar.onnx})
 * @param embedder     {@code mobilefacenet} or {@code sface} (built-in descriptors), or the path of a descriptor
 *                     {@code .properties} file for another model (docs/models.md)
 * @param embedderFile the embedder's ONNX file (for the built-in descriptors; a properties file names its own)
 */
public record FaceConfig(String detector, String embedder, String embedderFile) {
    public FaceConfig {
        if (detector == null || detector.isBlank()) {
            throw new IllegalArgumentException("face.detector (the YuNet ONNX file) is required");
        }
        if (embedder == null || embedder.isBlank()) {
            throw new IllegalArgumentException("face.embedder is required: mobilefacenet, sface or a descriptor "
                    + ".properties file");
        }
    }
}
