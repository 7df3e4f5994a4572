package org.borderid.server.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem details object, served as {@code application/problem+json}.
 *
 * @param type     the problem type URI ({@link ProblemType#uri()})
 * @param title    short, human-readable summary of the type
 * @param status   the HTTP status code
 * @param detail   explanation specific to this occurrence (never biometric data)
 * @param instance the request path
 * @param errors   field-level details (validation errors, unusable captures); empty when not applicable
 * @param extensions further members (RFC 9457 §3.2), e.g. {@code components} of {@code /ready}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    /** The media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(extensions));
    }

    /** A problem of the given type. */
    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors, extensions);
    }

    /** The extension members, serialized at the top level of the problem object. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /**
     * One field-level detail.
     *
     * @param field   where: a JSON pointer-like path ({@code fingers[1].image}) or a multipart part name
     * @param reason  machine-readable code ({@code REQUIRED}, {@code UNKNOWN_FIELD}, {@code INVALID_BASE64},
     *                {@code NO_FACE}, {@code BLURRED}, ...)
     * @param message human-readable explanation, or guidance for the traveller on capture problems
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String reason, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
