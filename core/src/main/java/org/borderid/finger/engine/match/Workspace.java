package org.borderid.finger.engine.match;

/**
 * Per-thread scratch arrays of one comparison, grown on demand (to the largest comparison seen, at most a few hundred
 * KB for two 255-minutia templates) and reused, so that scanning a gallery allocates nothing per comparison. Not shared between threads; a comparison obtains it through {@link #get()} and must not
 * call back into another comparison before it is done with it.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> PER_THREAD = ThreadLocal.withInitial(Workspace::new);

    /** Packed candidate pairs from the local similarity stage. */
    long[] pairs = new long[0];
    /** Selected pairs: probe index, candidate index, similarity. */
    int[] probe = new int[0];
    int[] candidate = new int[0];
    float[] similarity = new float[0];
    /** Stamps marking the minutiae already paired in the current selection or verification. */
    int[] probeStamp = new int[0];
    int[] candidateStamp = new int[0];
    int stamp;
    /** Relaxation: values, support, efficiency order, compatibility edges. */
    float[] current = new float[0];
    float[] support = new float[0];
    long[] order = new long[0];
    int[] edgeFirst = new int[0];
    int[] edgeSecond = new int[0];
    float[] edgeRho = new float[0];
    /** Verification: aligned candidate minutiae and hull, pairs within tolerance, hypotheses tried. */
    float[] alignedX = new float[0];
    float[] alignedY = new float[0];
    float[] hullX = new float[0];
    float[] hullY = new float[0];
    float[] reach = new float[0];
    long[] close = new long[0];
    final int[] hypotheses = new int[Verification.SINGLE_PAIR_HYPOTHESES];

    private Workspace() {}

    /** A fresh stamp for {@link #probeStamp} and {@link #candidateStamp} marks. */
    int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) { // wrap: forget old stamps
            java.util.Arrays.fill(probeStamp, 0);
            java.util.Arrays.fill(candidateStamp, 0);
            stamp = 1;
        }
        return stamp;
    }

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
        if (alignedX.length < candidateCount) {
            alignedX = new float[candidateCount];
            alignedY = new float[candidateCount];
            hullX = new float[candidateCount];
            hullY = new float[candidateCount];
            reach = new float[candidateCount];
        }
        if (close.length < probeCount * candidateCount) {
            close = new long[probeCount * candidateCount];
        }
        return this;
    }
}
