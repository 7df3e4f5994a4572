package org.borderid.bench.eval.finger;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Counts the errors of one kind (one system on one database) and prints the first few; thread-safe. Messages name
 * files and exception types, never biometric data.
 */
final class Warnings {
    /** Warnings printed per database and system before the rest are only counted. */
    private static final int MAX_PRINTED = 5;

    private final String prefix;
    private final Consumer<String> log;
    private final AtomicInteger count = new AtomicInteger();

    Warnings(String prefix, Consumer<String> log) {
        this.prefix = prefix;
        this.log = log;
    }

    void add(String message) {
        if (count.incrementAndGet() <= MAX_PRINTED) {
            log.accept(prefix + ": warning: " + message);
        }
    }

    int count() {
        return count.get();
    }

    /** Prints how many warnings were only counted. */
    void summarize() {
        if (count.get() > MAX_PRINTED) {
            log.accept(prefix + ": warning: " + (count.get() - MAX_PRINTED) + " more like the above");
        }
    }
}
