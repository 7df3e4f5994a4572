package org.borderid.finger.engine.match;

import static org.borderid.finger.engine.match.Cylinders.MASK_STRIDE;
import static org.borderid.finger.engine.match.Cylinders.WORDS;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PopCount} with the Vector API: lane-wise XOR, AND and BIT_COUNT on 2, 4 or 8 longs at a time, one
 * reduction per comparison (the four counts are packed lane-wise before reducing). Loaded only through
 * {@link PopCount#INSTANCE}'s reflective selection, so that the engine runs without the incubator module.
 */
final class VectorPopCount extends PopCount {
    private static final VectorSpecies<Long> SPECIES = species();
    private static final int LANES = SPECIES.length();

    VectorPopCount() {
        if (SPECIES == null) {
            throw new UnsupportedOperationException("no 128/256/512-bit long vectors on this CPU");
        }
    }

    private static VectorSpecies<Long> species() {
        int bits = VectorShape.preferredShape().vectorBitSize();
        if (bits >= 512) {
            return LongVector.SPECIES_512;
        }
        if (bits >= 256) {
            return LongVector.SPECIES_256;
        }
        return bits >= 128 ? LongVector.SPECIES_128 : null;
    }

    @Override
    long counts(long[] a, int aAt, long[] b, int bAt, long[] aMasks, int aMaskAt, long[] bMasks, int bMaskAt) {
        LongVector sum = LongVector.zero(SPECIES);
        for (int w = 0; w < WORDS; w += LANES) {
            // Masks are stored twice in a row (8 words), so any lane count finds its words at (w mod 8); over the 24
            // words each mask word is met once per layer, hence the common count comes out times the layers.
            int maskOffset = w % MASK_STRIDE;
            LongVector m = LongVector.fromArray(SPECIES, aMasks, aMaskAt + maskOffset)
                    .and(LongVector.fromArray(SPECIES, bMasks, bMaskAt + maskOffset));
            LongVector x = LongVector.fromArray(SPECIES, a, aAt + w).and(m);
            LongVector y = LongVector.fromArray(SPECIES, b, bAt + w).and(m);
            LongVector counts = x.lanewise(VectorOperators.XOR, y).lanewise(VectorOperators.BIT_COUNT)
                    .add(x.lanewise(VectorOperators.BIT_COUNT).lanewise(VectorOperators.LSHL, 16))
                    .add(y.lanewise(VectorOperators.BIT_COUNT).lanewise(VectorOperators.LSHL, 32))
                    .add(m.lanewise(VectorOperators.BIT_COUNT).lanewise(VectorOperators.LSHL, 48));
            sum = sum.add(counts);
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    @Override
    String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }
}
