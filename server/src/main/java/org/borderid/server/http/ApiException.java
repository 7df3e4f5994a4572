package org.borderid.server.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expected HTTP error raised by a handler: mapped to its problem+json response in one place
 * ({@link ErrorMapping}). Carries no stack trace (it is control flow, not a bug).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** A 400 with one field error. */
    public static ApiException invalidField(String field, String reason, String message) {
        return new ApiException(ProblemType.INVALID_REQUEST, "The request has an invalid field.",
                List.of(new Problem.FieldError(field, reason, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Extra response headers (WWW-Authenticate, Retry-After, Allow). */
    public Map<String, String> headers() {
        return headers;
    }
}
