package org.borderid.server.tls;

import org.borderid.BorderIdException;

/** A TLS certificate or private key cannot be read, does not match, or cannot be written. */
public final class TlsException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
