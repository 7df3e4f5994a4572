package org.borderid.server.service;

import java.util.List;
import org.borderid.BorderIdException;

/**
 * Captures that cannot be used at all: undecodable or oversized images, unreadable templates, and — for enrollment
 * and references — captures too poor to serve as a reference. Answered with 422 and one detail per capture.
 */
public final class UnusableCaptureException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    private final transient List<CaptureIssue> issues;

    public UnusableCaptureException(String message, List<CaptureIssue> issues) {
        super(message);
        this.issues = List.copyOf(issues);
        if (this.issues.isEmpty()) {
            throw new IllegalArgumentException("at least one issue");
        }
    }

    public List<CaptureIssue> issues() {
        return issues;
    }
}
