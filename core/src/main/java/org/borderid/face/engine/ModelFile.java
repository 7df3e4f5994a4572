package org.borderid.face.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.borderid.face.FaceModelException;

/**
 * Engine-internal: reads a model file once, checking existence, size and (when given) its SHA-256, so that a missing
 * or damaged model fails at start-up with an error naming the file, before any native parser sees its bytes.
 */
public final class ModelFile {
    /** Largest model file accepted, bytes: 1 GiB (SFace is 39 MB, YuNet 0.2 MB); larger files are not face models. */
    public static final long MAX_BYTES = 1L << 30;

    private ModelFile() {}

    /**
     * Reads the file.
     *
     * @param file   the model file
     * @param sha256 expected lower-case hex SHA-256, or empty to skip the check
     * @param role   what the model is for, for messages (e.g. {@code "face detector"})
     * @throws FaceModelException {@code MISSING} (absent, not a regular file, unreadable, empty or too large) or
     *                            {@code CHECKSUM_MISMATCH}
     */
    public static byte[] read(Path file, String sha256, String role) {
        if (!Files.isRegularFile(file)) {
            throw new FaceModelException(FaceModelException.Reason.MISSING,
                    role + " model file " + file.toAbsolutePath() + " does not exist or is not a regular file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size == 0 || size > MAX_BYTES) {
                throw new FaceModelException(FaceModelException.Reason.MISSING, role + " model file "
                        + file.toAbsolutePath() + " has " + size + " bytes (expected 1.." + MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FaceModelException(FaceModelException.Reason.MISSING,
                    "cannot read " + role + " model file " + file.toAbsolutePath() + ": " + e, e);
        }
        if (!sha256.isEmpty()) {
            String actual = sha256(bytes);
            if (!actual.equals(sha256)) {
                throw new FaceModelException(FaceModelException.Reason.CHECKSUM_MISMATCH, role + " model file "
                        + file.toAbsolutePath() + " has SHA-256 " + actual + ", expected " + sha256
                        + " (damaged, truncated or a different model; see docs/models.md)");
            }
        }
        return bytes;
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
