package org.borderid.face;

import java.util.Objects;
import org.borderid.BorderIdException;

/**
 * A face model (detector or embedder) cannot be used, or embeddings from different models were compared.
 *
 * <p>Raised when a {@link FaceEngine} opens (a clear start-up error naming the file) and by {@link FaceMatcher}. The
 * message never contains image or embedding data.
 */
public final class FaceModelException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    /** Why the model was refused. */
    public enum Reason {
        /** The model file does not exist, is not a regular file or cannot be read. */
        MISSING,
        /** The file's SHA-256 differs from the one its descriptor declares (damaged, truncated or another model). */
        CHECKSUM_MISMATCH,
        /** The file is not a model OpenCV's DNN module can load (not ONNX, truncated, unsupported operators). */
        CORRUPT,
        /** The model loads but does not behave as its descriptor says (input size, output name or dimension). */
        INCOMPATIBLE,
        /** A descriptor (file or values) is incomplete or out of range. */
        INVALID_DESCRIPTOR,
        /** The model has no calibrated threshold for the requested operating point. */
        NOT_CALIBRATED,
        /** Two embeddings from different models (or of different dimension) were compared. */
        EMBEDDING_MISMATCH
    }

    private final Reason reason;

    public FaceModelException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FaceModelException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
