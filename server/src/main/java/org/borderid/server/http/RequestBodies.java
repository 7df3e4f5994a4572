package org.borderid.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.borderid.finger.FingerPosition;

/** JSON request documents of the /v1 routes (images and templates in base64) and their parsing. */
final class RequestBodies {
    private RequestBodies() {}

    /**
     * One finger: an image (with its resolution) or an ISO/ANSI minutiae record.
     *
     * @param position the finger (default {@code UNKNOWN} for live captures)
     * @param image    base64 image
     * @param dpi      resolution of the image (default 500)
     * @param template base64 ISO/IEC 19794-2 or ANSI 378 record
     */
    record FingerJson(FingerPosition position, String image, Double dpi, String template) {}

    /** Reference captures: the passport photo and fingers read from the document chip. */
    record ReferenceJson(String face, List<FingerJson> fingers) {}

    /** {@code POST /v1/verify}. */
    record VerifyJson(String subjectId, ReferenceJson reference, String face, List<FingerJson> fingers,
            Double targetFmr) {}

    /** {@code POST /v1/identify}. */
    record IdentifyJson(String face, List<FingerJson> fingers, String list, Integer maxCandidates,
            Double targetFpir) {}

    /** {@code POST /v1/subjects}, {@code PUT /v1/subjects/{id}} and each NDJSON import line. */
    record SubjectJson(String id, String agency, List<String> lists, Map<String, String> referenceData, String face,
            List<FingerJson> fingers) {}

    /** The media types a JSON route accepts besides multipart. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/json") || base.endsWith("+json");
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static boolean isNdjson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return base.equals("application/x-ndjson") || base.equals("application/ndjson")
                || base.equals("application/jsonl");
    }

    /** Parses the JSON body into {@code type}; an empty body or {@code null} is a 400. */
    static <T> T json(Context ctx, ObjectMapper mapper, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        return parse(mapper, body, type);
    }

    /** Parses one JSON document into {@code type}. */
    static <T> T parse(ObjectMapper mapper, byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "A JSON body is required.");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (IOException e) {
            throw ErrorMapping.toApiException(e, null);
        }
        if (value == null) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "The body must be a JSON object, not null.");
        }
        return value;
    }

    /** 415 unless the body is JSON (or, where allowed, multipart). */
    static void requireMediaType(Context ctx, boolean multipartAllowed) {
        String type = ctx.contentType();
        if (isJson(type) || (multipartAllowed && isMultipart(type))) {
            return;
        }
        throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
                + (type == null ? "(none)" : "'" + type + "'") + " is not accepted here; send application/json"
                + (multipartAllowed ? " or multipart/form-data" : "") + ".");
    }
}
