package org.borderid.server.audit;

import org.borderid.BorderIdException;

/** The audit log cannot be opened or written: I/O, or its hash chain is broken (see the message). */
public final class AuditLogException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    public AuditLogException(String message) {
        super(message);
    }

    public AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
