package org.borderid.server.config;

import org.borderid.BorderIdException;

/** The server configuration cannot be read or has an invalid value; the message names the file and the key. */
public final class ConfigException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
