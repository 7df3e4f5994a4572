package org.borderid.bench.report;

import java.nio.file.Path;
import org.borderid.BorderIdException;

/** A report input (JMH results, load-generator output, machine record) is missing, unreadable or malformed. */
public final class ReportInputException extends BorderIdException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ReportInputException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ReportInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
