package org.borderid.cli;

/** Wrong command-line arguments; the message says what is expected. Exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
