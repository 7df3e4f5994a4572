package org.borderid.finger.engine.match;

import static org.borderid.finger.engine.match.Cylinders.MASK_STRIDE;
import static org.borderid.finger.engine.match.Cylinders.MASK_WORDS;
import static org.borderid.finger.engine.match.Cylinders.WORDS;

import java.util.Arrays;
import java.util.List;
import org.borderid.finger.Minutia;

/**
 * A template prepared for matching: its minutiae as arrays, the MCC cylinder of each minutia and the pairwise
 * geometry (distances, radial angles) the consolidation needs. Immutable; built once per template and cached by it.
 *
 * <p>Engine-internal. The 1:N index reads the cylinders through {@link #cylinder} and {@link #validity} to derive
 * its terms (MCC bit-sampling LSH, Cappelli, Ferrara, Maltoni, TPAMI 33(5), 2011).
 */
public final class PreparedTemplate {
    final int count;
    final int[] x;
    final int[] y;
    /** Directions in steps of 2π/256. */
    final int[] direction;
    /** Cell bits, {@link Cylinders#WORDS} words per minutia; all zero for invalid cylinders. */
    final long[] bits;
    /**
     * Spatial validity masks, {@link Cylinders#MASK_STRIDE} words per minutia (the {@link Cylinders#MASK_WORDS}
     * words twice); all zero for invalid cylinders.
     */
    final long[] masks;
    /** Convex hull of all minutiae: the fingerprint area as far as the template tells. */
    final ConvexHull hull;
    /** Indices of the minutiae whose cylinder is valid, ascending. */
    final int[] valid;
    /** {@link #valid} sorted by direction (then index). */
    final int[] byDirection;
    /** Position in {@link #byDirection} of the first minutia with direction ≥ s, for s in 0..256. */
    private final int[] directionStart = new int[Angles.STEPS + 1];
    /** Euclidean distance between minutiae i and j at {@code i * count + j}, pixels. */
    final float[] distance;
    /** Direction of the segment i→j relative to θ_i, steps, at {@code i * count + j}. */
    final byte[] radial;

    private PreparedTemplate(int[] x, int[] y, int[] direction) {
        this.count = x.length;
        this.x = x;
        this.y = y;
        this.direction = direction;
        this.bits = new long[count * WORDS];
        long[] built = new long[count * MASK_WORDS];
        this.hull = ConvexHull.of(x, y, count);
        boolean[] usable = CylinderBuilder.build(count, x, y, direction, hull, bits, built);
        this.masks = new long[count * MASK_STRIDE];
        int usableCount = 0;
        for (int i = 0; i < count; i++) {
            if (usable[i]) {
                usableCount++;
                for (int w = 0; w < MASK_STRIDE; w++) {
                    masks[i * MASK_STRIDE + w] = built[i * MASK_WORDS + w % MASK_WORDS];
                }
            }
        }
        this.valid = new int[usableCount];
        for (int i = 0, k = 0; i < count; i++) {
            if (usable[i]) {
                valid[k++] = i;
            }
        }
        this.byDirection = new int[usableCount];
        int[] perDirection = new int[Angles.STEPS + 1];
        for (int i : valid) {
            perDirection[direction[i] + 1]++;
        }
        for (int s = 0; s < Angles.STEPS; s++) {
            perDirection[s + 1] += perDirection[s];
        }
        System.arraycopy(perDirection, 0, directionStart, 0, perDirection.length);
        for (int i : valid) { // counting sort, stable
            byDirection[perDirection[direction[i]]++] = i;
        }
        this.distance = new float[count * count];
        this.radial = new byte[count * count];
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                float dx = x[j] - x[i];
                float dy = y[j] - y[i];
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                distance[i * count + j] = d;
                distance[j * count + i] = d;
                int toward = Angles.ofVector(dx, dy);
                radial[i * count + j] = (byte) Angles.difference(toward, direction[i]);
                radial[j * count + i] = (byte) Angles.difference(toward + Angles.HALF, direction[j]);
            }
        }
    }

    /** Position in {@link #byDirection} of the first valid minutia with direction ≥ {@code steps} (0..256). */
    int firstWithDirection(int steps) {
        return directionStart[steps];
    }

    /** Prepares the given minutiae (positions in 500 dpi pixels). */
    public static PreparedTemplate of(List<Minutia> minutiae) {
        int n = minutiae.size();
        int[] x = new int[n];
        int[] y = new int[n];
        int[] direction = new int[n];
        for (int i = 0; i < n; i++) {
            Minutia m = minutiae.get(i);
            x[i] = m.x();
            y[i] = m.y();
            direction[i] = m.angleSteps();
        }
        return new PreparedTemplate(x, y, direction);
    }

    /** Number of minutiae. */
    public int size() {
        return count;
    }

    /** Number of minutiae with a valid cylinder (the ones matching uses). */
    public int validCount() {
        return valid.length;
    }

    /** Whether minutia i has a valid cylinder. */
    public boolean isValid(int i) {
        return Arrays.binarySearch(valid, i) >= 0;
    }

    /** A copy of minutia i's cylinder bits ({@link Cylinders#WORDS} words, layout in {@link Cylinders}). */
    public long[] cylinder(int i) {
        return Arrays.copyOfRange(bits, i * WORDS, (i + 1) * WORDS);
    }

    /** A copy of minutia i's spatial validity mask ({@link Cylinders#MASK_WORDS} words). */
    public long[] validity(int i) {
        return Arrays.copyOfRange(masks, i * MASK_STRIDE, i * MASK_STRIDE + MASK_WORDS);
    }
}
