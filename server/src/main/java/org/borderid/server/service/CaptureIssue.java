package org.borderid.server.service;

import java.util.Objects;

/**
 * Why one capture cannot be used, in terms a kiosk can act on.
 *
 * @param field    where the capture was in the request ({@code face}, {@code fingers[1]}, multipart part name)
 * @param modality {@code face} or {@code finger}
 * @param code     machine-readable reason: the engine's ({@code BLURRED}, {@code TOO_FEW_MINUTIAE}, {@code NO_FACE}) or
 *                 the decoder's ({@code CORRUPT}, {@code UNSUPPORTED_FORMAT}, {@code TOO_LARGE})
 * @param message  guidance for the traveller or a description of the problem; never biometric data
 */
public record CaptureIssue(String field, String modality, String code, String message) {
    public CaptureIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
