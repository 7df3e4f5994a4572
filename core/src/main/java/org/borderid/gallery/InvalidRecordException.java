package org.borderid.gallery;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A subject record (or a probe) that the gallery refuses, with every problem found, each naming its field. The
 * messages never contain biometric values.
 */
public final class InvalidRecordException extends GalleryException {
    private static final long serialVersionUID = 1L;

    /** One problem: the field (e.g. {@code id}, {@code face}, {@code fingers.LEFT_INDEX}) and what is wrong with it. */
    public record Problem(String field, String problem) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String toString() {
            return field + ": " + problem;
        }
    }

    private final List<Problem> problems;

    public InvalidRecordException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public InvalidRecordException(String field, String problem) {
        this(List.of(new Problem(field, problem)));
    }

    /** Every problem found, at least one. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid record has at least one problem");
        }
        return "invalid record: " + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
