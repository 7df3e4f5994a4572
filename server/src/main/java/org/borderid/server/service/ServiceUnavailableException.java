package org.borderid.server.service;

import java.util.Objects;
import org.borderid.BorderIdException;

/** The request cannot be served now: the server is at capacity, ran past the deadline, or a component is down. */
public final class ServiceUnavailableException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** Every worker is busy and the queue is full. */
        OVERLOADED,
        /** The work did not finish within the request deadline. */
        TIMEOUT,
        /** A component (gallery, face engine) is starting, failed or not configured. */
        COMPONENT_UNAVAILABLE
    }

    private final Reason reason;

    public ServiceUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
