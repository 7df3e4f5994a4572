package org.borderid.gallery.engine;

import java.util.Arrays;

/**
 * Counts occurrences of long keys: an open-addressing hash table with linear probing that remembers its keys in
 * insertion order, so that iterating and clearing cost the number of keys, not the capacity. Not thread-safe.
 */
final class LongIntCounter {
    private static final long EMPTY = -1;

    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int[] order = new int[1 << 12];
    private int size;
    private int mask = keys.length - 1;

    LongIntCounter() {
        Arrays.fill(keys, EMPTY);
    }

    /** Adds one to the key's count (keys must be ≥ 0). */
    void increment(long key) {
        int slot = (int) mix(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                values[slot]++;
                return;
            }
            if (k == EMPTY) {
                keys[slot] = key;
                values[slot] = 1;
                order[size++] = slot;
                if (size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Number of distinct keys. */
    int size() {
        return size;
    }

    /** The i-th distinct key, in insertion order. */
    long keyAt(int i) {
        return keys[order[i]];
    }

    /** The count of the i-th distinct key. */
    int valueAt(int i) {
        return values[order[i]];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            keys[order[i]] = EMPTY;
        }
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int[] oldOrder = order;
        int oldSize = size;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        order = new int[keys.length];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            int from = oldOrder[i];
            long key = oldKeys[from];
            int slot = (int) mix(key) & mask;
            while (keys[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = oldValues[from];
            order[size++] = slot;
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
