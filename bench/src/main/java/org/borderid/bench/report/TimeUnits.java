package org.borderid.bench.report;

/** JMH's score units in milliseconds. */
final class TimeUnits {
    private TimeUnits() {}

    /**
     * Milliseconds per unit of a time score ({@code ms/op} → 1, {@code us/op} → 0.001); NaN for a unit that is not a
     * time per operation.
     */
    static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1000;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> Double.NaN;
        };
    }

    /** Operations per second per unit of a throughput score ({@code ops/ms} → 1000); NaN otherwise. */
    static double toPerSecond(String unit) {
        return switch (unit) {
            case "ops/s" -> 1;
            case "ops/ms" -> 1000;
            case "ops/us" -> 1e6;
            case "ops/ns" -> 1e9;
            case "ops/min" -> 1 / 60.0;
            default -> Double.NaN;
        };
    }
}
