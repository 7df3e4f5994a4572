package org.borderid.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.borderid.server.service.ServiceUnavailableException;
import org.borderid.server.service.SubjectExistsException;
import org.borderid.server.service.SubjectNotFoundException;
import org.borderid.server.service.UnusableCaptureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request can raise into its problem+json response: the one place where errors become
 * HTTP. Expected errors ({@link ApiException}, JSON syntax and binding errors, Javalin's own HTTP errors) keep their
 * status and get a precise detail; anything else is a 500 whose cause goes to the log, never to the client.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final ObjectMapper json;

    public ErrorMapping(ObjectMapper json) {
        this.json = json;
    }

    /** Javalin exception handler for {@link Exception}. */
    public void handle(Exception e, Context ctx) {
        respond(ctx, toApiException(e, ctx));
    }

    /** Writes the problem response of an API exception. */
    public void respond(Context ctx, ApiException e) {
        respond(ctx, Problem.of(e.type(), e.getMessage(), ctx.path(), e.errors(), Map.of()), e.headers());
    }

    /** Writes a problem response. */
    public void respond(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        if (unreadBody(ctx)) {
            // Refused before its body was read (401, 403, 413, 415...): the connection cannot be reused safely,
            // so say so rather than let the client send its next request into a closing connection.
            ctx.header("Connection", "close");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialize a problem", ex);
        }
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(body);
    }

    private static boolean unreadBody(Context ctx) {
        try {
            long length = ctx.req().getContentLengthLong();
            boolean chunked = ctx.header("Transfer-Encoding") != null;
            return (length > 0 || chunked) && !ctx.req().getInputStream().isFinished();
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    static ApiException toApiException(Exception e, Context ctx) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ApiException.invalidField(path(u), "UNKNOWN_FIELD", "unknown field '" + u.getPropertyName()
                    + "'" + (u.getKnownPropertyIds() == null ? "" : "; expected one of " + u.getKnownPropertyIds()));
        }
        if (e instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            return ApiException.invalidField(path(m), "WRONG_TYPE", "wrong type: expected " + expected);
        }
        if (e instanceof StreamConstraintsException) {
            return new ApiException(ProblemType.INVALID_REQUEST, "The JSON document is nested deeper than "
                    + Json.MAX_NESTING + " levels.");
        }
        if (e instanceof StreamReadException s) {
            String where = s.getLocation() == null ? "" : " at line " + s.getLocation().getLineNr() + ", column "
                    + s.getLocation().getColumnNr();
            return new ApiException(ProblemType.MALFORMED_JSON, "The body is not valid JSON" + where + ".");
        }
        if (e instanceof JsonMappingException m) {
            return ApiException.invalidField(path(m), "INVALID", "the value cannot be read");
        }
        if (e instanceof HttpResponseException h && ctx != null) {
            return fromStatus(h.getStatus(), ctx);
        }
        if (e instanceof SubjectExistsException x) {
            return new ApiException(ProblemType.CONFLICT, x.getMessage() + ".");
        }
        if (e instanceof SubjectNotFoundException x) {
            return new ApiException(ProblemType.NOT_FOUND, x.getMessage() + ".");
        }
        if (e instanceof UnusableCaptureException u) {
            return new ApiException(ProblemType.UNUSABLE_CAPTURE, u.getMessage(), u.issues().stream()
                    .map(i -> new Problem.FieldError(i.field(), i.code(), i.message())).toList());
        }
        if (e instanceof ServiceUnavailableException u) {
            return switch (u.reason()) {
                case OVERLOADED, TIMEOUT -> new ApiException(ProblemType.OVERLOADED, u.getMessage(), List.of(),
                        Map.of("Retry-After", "1"));
                case COMPONENT_UNAVAILABLE -> new ApiException(ProblemType.UNAVAILABLE, u.getMessage(), List.of(),
                        Map.of("Retry-After", "5"));
            };
        }
        if (ctx == null) {
            LOG.error("unexpected error", e);
        } else {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        }
        return new ApiException(ProblemType.INTERNAL, "The server failed to process the request; the error was "
                + "logged.");
    }

    private static ApiException fromStatus(int status, Context ctx) {
        return switch (status) {
            case 400 -> new ApiException(ProblemType.INVALID_REQUEST, "The request is malformed.");
            case 404 -> new ApiException(ProblemType.NOT_FOUND, "No route " + ctx.method() + " " + ctx.path() + ".");
            case 405 -> new ApiException(ProblemType.METHOD_NOT_ALLOWED, "Method " + ctx.method()
                    + " is not allowed on " + ctx.path() + ".");
            case 413 -> new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit.");
            case 415 -> new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type.");
            case 503 -> new ApiException(ProblemType.UNAVAILABLE, "The service is unavailable.");
            default -> {
                if (status >= 500) {
                    yield new ApiException(ProblemType.INTERNAL, "The server failed to process the request.");
                }
                yield new ApiException(ProblemType.INVALID_REQUEST, "The request was refused (HTTP " + status + ").");
            }
        };
    }

    /** {@code fingers[1].image} from Jackson's reference path. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> refs = e.getPath();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
