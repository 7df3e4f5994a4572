package org.borderid.finger.engine.match;

/**
 * A minutia pair with its similarity packed in one {@code long}, so that sorting the longs sorts the pairs by
 * similarity (then by index): the similarity's float bits (non-negative, so they order like the values) in the high
 * 32 bits, the probe minutia index in bits 16..31 and the candidate index in bits 0..15.
 */
final class Pairs {
    private Pairs() {}

    static long pack(float similarity, int probe, int candidate) {
        return ((long) Float.floatToRawIntBits(similarity) << 32) | ((long) probe << 16) | candidate;
    }

    static float similarity(long pair) {
        return Float.intBitsToFloat((int) (pair >>> 32));
    }

    static int probe(long pair) {
        return (int) (pair >>> 16) & 0xFFFF;
    }

    static int candidate(long pair) {
        return (int) pair & 0xFFFF;
    }
}
