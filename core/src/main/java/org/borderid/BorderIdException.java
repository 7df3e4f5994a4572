package org.borderid;

/**
 * Base of BorderID's typed errors: bad input, corruption, I/O and configuration problems.
 *
 * <p>Expected outcomes (a poor capture, no face, a non-match) are results, never exceptions.
 */
public abstract class BorderIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected BorderIdException(String message) {
        super(message);
    }

    protected BorderIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
