package org.borderid.finger.engine.match;

/**
 * Per-thread scratch arrays of one comparison, grown on demand and reused, so that scanning a gallery allocates
 * nothing per comparison. Not shared between threads; a comparison obtains it through {@link #get()} and must not
 * call back into another comparison before it is done with it.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> PER_THREAD = ThreadLocal.withInitial(Workspace::new);

    /** Packed candidate pairs from the local similarity stage. */
    long[] pairs = new long[1024];
    /** Selected pairs: probe index, candidate index, similarity. */
    int[] probe = new int[64];
    int[] candidate = new int[64];
    float[] similarity = new float[64];
    /** Stamps marking the minutiae already paired in the current selection. */
    int[] probeStamp = new int[256];
    int[] candidateStamp = new int[256];
    int stamp;
    /** Relaxation: values, support, efficiency order, compatibility edges. */
    float[] current = new float[64];
    float[] support = new float[64];
    long[] order = new long[64];
    int[] edgeFirst = new int[2048];
    int[] edgeSecond = new int[2048];
    float[] edgeRho = new float[2048];

    private Workspace() {}

    static Workspace get() {
        return PER_THREAD.get();
    }

    /** Sizes the arrays for a comparison of templates with these minutia counts and valid-cylinder counts. */
    Workspace reserve(int probeCount, int candidateCount, int pairCapacity, int selectable) {
        if (pairs.length < pairCapacity) {
            pairs = new long[pairCapacity];
        }
        if (probe.length < selectable) {
            probe = new int[selectable];
            candidate = new int[selectable];
            similarity = new float[selectable];
            current = new float[selectable];
            support = new float[selectable];
            order = new long[selectable];
        }
        int edges = selectable * (selectable - 1) / 2;
        if (edgeFirst.length < edges) {
            edgeFirst = new int[edges];
            edgeSecond = new int[edges];
            edgeRho = new float[edges];
        }
        if (probeStamp.length < probeCount) {
            probeStamp = new int[probeCount];
        }
        if (candidateStamp.length < candidateCount) {
            candidateStamp = new int[candidateCount];
        }
        if (++stamp == Integer.MAX_VALUE) { // wrap: forget old stamps
            java.util.Arrays.fill(probeStamp, 0);
            java.util.Arrays.fill(candidateStamp, 0);
            stamp = 1;
        }
        return this;
    }
}
