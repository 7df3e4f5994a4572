package org.borderid.gallery.engine;

import java.util.SplittableRandom;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.engine.match.Cylinders;
import org.borderid.finger.engine.match.PreparedTemplate;
import org.borderid.finger.engine.match.PreparedTemplates;

/**
 * The minutiae index's terms: locality-sensitive hashes of each minutia's MCC cylinder.
 *
 * <p>Each valid cylinder (the matcher's bit-based Minutia Cylinder-Code, {@link Cylinders}: 16×16 cells × 6 direction
 * layers) is the set of its set cells, about 80 of 1,536. {@link #FUNCTIONS} hash functions each combine
 * {@link #MIN_HASHES_PER_FUNCTION} MinHash values of that set (the first set cell under a fixed random order of all
 * cells); two cylinders collide on a function with probability J<sup>r</sup>, J the Jaccard similarity of their set
 * cells. A term is the pair (function, hash value), indexed at the cylinder's position in the finger document.
 *
 * <p>Why MinHash and not the bit sampling of Cappelli, Ferrara and Maltoni ("Fingerprint Indexing Based on Minutia
 * Cylinder-Code", TPAMI 33(5), 2011), which hashes by sampling p cell bits: our cylinders are sparse (≈5% of cells set),
 * so p sampled bits are mostly zeros and buckets are huge (measured on FVC + 10k synthetic fingers: 32 functions × 16
 * bits visit ≈3 million postings per probe; excluding low-information values to shrink them cost 10 points of hit
 * rate), whereas MinHash only looks at set cells: 30 times fewer postings for the same hit rate. Both are
 * locality-sensitive for the same similarity (overlap of set cells, which the MCC bit similarity measures); the
 * measured comparison is in docs/gallery.md.
 */
public final class CylinderHashes {
    /**
     * Identifies this scheme (functions, values per function, seed, and how the terms are indexed) in the gallery
     * manifest: terms written with one scheme are meaningless to another, so changing any constant below needs a new
     * id. 3: one documents-only field per finger position ({@link SubjectDocuments#minutiaeField}), MinHash by random
     * permutations of the cells; 2 had one field for every position with the cylinder number as the term position and
     * random cell ranks.
     */
    public static final int SCHEME = 3;
    /** Hash functions per cylinder, H. Measured trade-off in docs/gallery.md ("Minutiae index tuning"). */
    public static final int FUNCTIONS = 64;
    /**
     * MinHash values combined per function, r: a function collides with probability J^r. 3 measured best: r = 2 visits
     * ten times the postings for no gain in hit rate, r = 4 misses weak genuine pairs.
     */
    public static final int MIN_HASHES_PER_FUNCTION = 3;
    /**
     * Bits of each function's hash value kept in the term, b: 2^16 buckets per function, 4.2 million possible terms in
     * all. The MinHash combinations themselves are nearly all distinct, so unbounded values would give every cylinder
     * its own terms and a dictionary of billions of one-posting terms (measured: indexing 20 times slower). Folding
     * them into 2^16 buckets adds chance collisions at a rate of 2^-16 per function and cylinder pair, a few percent of
     * the MinHash's own chance collisions between unrelated cylinders (≈3·10^-4, measured), so selectivity barely
     * changes while the dictionary stays small and the postings lists long enough to compress well.
     */
    public static final int VALUE_BITS = 16;
    /** Cylinders with fewer set cells than this get no terms: their hashes would collide by chance. */
    public static final int MIN_SET_CELLS = 4;
    /** A hash value marking a function that gave no term. */
    public static final int EXCLUDED = -1;
    /** Seed of the random cell orders; part of the scheme. */
    private static final long SEED = 0x5EED_B1D_0001L;

    private static final int CELLS = Cylinders.WORDS * Long.SIZE;
    private static final int PERMUTATIONS = FUNCTIONS * MIN_HASHES_PER_FUNCTION;
    /**
     * The FUNCTIONS × r random permutations of the cells, stored by cell: {@code RANKS[cell][k]} is the cell's rank
     * under permutation k. A cylinder's MinHash under permutation k is the smallest rank among its set cells (ranks
     * are distinct, so the rank names the cell). Laid out by cell so that hashing a cylinder reads one contiguous row
     * per set cell and updates all minima together.
     */
    private static final int[][] RANKS = new int[CELLS][PERMUTATIONS];

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] order = new int[CELLS];
        for (int k = 0; k < PERMUTATIONS; k++) {
            for (int i = 0; i < CELLS; i++) {
                order[i] = i;
            }
            for (int i = CELLS - 1; i > 0; i--) { // Fisher-Yates
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int rank = 0; rank < CELLS; rank++) {
                RANKS[order[rank]][k] = rank;
            }
        }
    }

    private CylinderHashes() {}

    /**
     * The hashes of every valid cylinder of the template, in minutia order: {@code [cylinder][function]}, each value
     * ≥ 0 or {@link #EXCLUDED}.
     */
    public static int[][] of(FingerprintTemplate template) {
        PreparedTemplate prepared = PreparedTemplates.of(template);
        int[][] out = new int[prepared.validCount()][];
        int[] minima = new int[PERMUTATIONS];
        for (int m = 0, c = 0; m < prepared.size(); m++) {
            if (prepared.isValid(m)) {
                out[c++] = hashes(prepared.cylinder(m), minima);
            }
        }
        return out;
    }

    /** The term bytes of a function's hash value: function id, then the value's {@link #VALUE_BITS}, big-endian. */
    public static byte[] term(int function, int value) {
        return new byte[] {(byte) function, (byte) (value >>> 8), (byte) value};
    }

    private static int[] hashes(long[] bits, int[] minima) {
        int count = 0;
        java.util.Arrays.fill(minima, Integer.MAX_VALUE);
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                int[] ranks = RANKS[w * Long.SIZE + Long.numberOfTrailingZeros(word)];
                for (int k = 0; k < PERMUTATIONS; k++) {
                    minima[k] = Math.min(minima[k], ranks[k]);
                }
                count++;
            }
        }
        int[] out = new int[FUNCTIONS];
        if (count < MIN_SET_CELLS) {
            java.util.Arrays.fill(out, EXCLUDED);
            return out;
        }
        for (int f = 0; f < FUNCTIONS; f++) {
            long combined = f;
            for (int k = 0; k < MIN_HASHES_PER_FUNCTION; k++) {
                combined = combined * 2048 + minima[f * MIN_HASHES_PER_FUNCTION + k];
            }
            out[f] = mix(combined) & ((1 << VALUE_BITS) - 1);
        }
        return out;
    }

    /** A 64-bit finaliser (MurmurHash3 fmix64), folded to 32 bits. */
    private static int mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h ^ (h >>> 32));
    }
}
