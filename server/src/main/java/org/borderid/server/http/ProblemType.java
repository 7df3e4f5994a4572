package org.borderid.server.http;

/**
 * The kinds of error the API answers with, each an RFC 9457 problem type with its HTTP status.
 *
 * <p>The type URI is the relative reference {@code /problems/<slug>} (RFC 9457 §3.1.1 allows relative references;
 * they resolve against the server's own URL). {@code docs/server.md} lists every type and when it occurs.
 */
public enum ProblemType {
    /** The request is syntactically valid JSON/multipart but fields are missing, unknown or of the wrong type. */
    INVALID_REQUEST("invalid-request", 400, "The request is invalid"),
    /** The body is not parseable JSON (or NDJSON line). */
    MALFORMED_JSON("malformed-json", 400, "The request body is not valid JSON"),
    /** No API key, an unknown or revoked key, or a malformed Authorization header. */
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    /** The key is valid but its role may not use this route. */
    FORBIDDEN("forbidden", 403, "Not allowed for this role"),
    /** No such route or no such resource (subject, job). */
    NOT_FOUND("not-found", 404, "Not found"),
    /** The route exists but not with this HTTP method. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    /** The subject id is already enrolled. */
    CONFLICT("conflict", 409, "Conflict with the current state"),
    /** The body is larger than the configured limit. */
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    /** The Content-Type is not one the route accepts. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    /** A capture (image or template) cannot be used: not decodable, no face, too poor to enroll. */
    UNUSABLE_CAPTURE("unusable-capture", 422, "A capture cannot be used"),
    /** The API key exceeded its request rate. */
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    /** The server is at capacity (worker queue full) or a request ran past its deadline. */
    OVERLOADED("overloaded", 503, "The server is busy"),
    /** The gallery or a biometric engine is not available (starting, failed to load, or not configured). */
    UNAVAILABLE("unavailable", 503, "Service unavailable"),
    /** An unexpected server error; details are in the server log, never in the response. */
    INTERNAL("internal", 500, "Internal server error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The type URI, a relative reference such as {@code /problems/invalid-request}. */
    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
