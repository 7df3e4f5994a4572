package org.borderid.server.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Why a decision is what it is, for the kiosk: a capture problem (with guidance for the traveller) or a decision
 * rule ({@code MODALITIES_DISAGREE}, {@code NO_COMMON_MODALITY}, {@code NO_USABLE_CAPTURE}).
 *
 * @param code     machine-readable reason
 * @param modality {@code face} or {@code finger}, when it concerns one
 * @param field    the capture's place in the request, when it concerns one
 * @param message  human-readable text (guidance for a capture problem)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String code, String modality, String field, String message) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The reason of a capture issue. */
    public static Reason of(CaptureIssue issue) {
        return new Reason(issue.code(), issue.modality(), issue.field(), issue.message());
    }
}
