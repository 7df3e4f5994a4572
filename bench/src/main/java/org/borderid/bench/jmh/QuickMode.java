package org.borderid.bench.jmh;

/**
 * Whether a benchmark JVM runs in quick mode ({@link QuickRun} sets {@value #PROPERTY} on every fork), and how many
 * inputs a benchmark's setup should prepare then. A quick run proves that each benchmark sets up, runs and returns a
 * result; preparing every input (extracting 80 FVC images with SourceAFIS, checking 40 kiosk transactions) would take
 * most of its time, so setups that loop over inputs prepare only the first few.
 */
public final class QuickMode {
    /** The system property set on quick-mode forks. */
    public static final String PROPERTY = "borderid.bench.quick";
    /**
     * Inputs a setup prepares in quick mode: 16 FVC images are two fingers with all 8 impressions (56 genuine and 64
     * impostor pairs), enough for every code path of a comparison, encode or decode.
     */
    public static final int INPUTS = 16;

    private QuickMode() {}

    /** Whether this JVM is a quick-mode fork. */
    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** How many of {@code available} inputs to prepare: all of them, or at most {@link #INPUTS} in quick mode. */
    public static int inputs(int available) {
        return on() ? Math.min(available, INPUTS) : available;
    }
}
