package org.borderid.finger.engine.extract;

/**
 * Stage 8: ridges are where the enhanced image is positive (the enhancement is zero-mean, so no threshold has to be
 * learned), inside the foreground. Ridge specks and valley holes smaller than {@link #MIN_BLOB_PERIODS} squared ridge
 * periods are then flipped: they are dust, pores and sweat, not ridge structure, and would thin into false endings
 * and loops.
 */
public final class Binarizer {
    /**
     * Largest speck or hole removed, as a fraction of a squared ridge period (0.5 × 9² ≈ 40 px ≈ 0.1 mm²: smaller
     * than any ridge fragment worth a minutia, larger than a pore; without the clean-up FVC measured 0.1 points worse).
     * Range 0.2..1.
     */
    public static final double MIN_BLOB_PERIODS = 0.5;

    private Binarizer() {}

    public static BinaryImage binarize(FloatRaster enhanced, ForegroundMask mask, FrequencyField frequency) {
        int w = enhanced.width();
        int h = enhanced.height();
        BinaryImage inside = mask.toBinaryImage();
        BinaryImage out = new BinaryImage(w, h);
        float[] e = enhanced.data();
        byte[] b = out.data();
        byte[] m = inside.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = out.index(0, y); x < w; x++, i++) {
                if (e[y * w + x] > 0 && m[i] != 0) {
                    b[i] = 1;
                }
            }
        }
        double period = frequency.medianPeriod();
        int maxBlob = (int) Math.round(MIN_BLOB_PERIODS * period * period);
        flipSmallComponents(out, m, (byte) 1, maxBlob);
        flipSmallComponents(out, m, (byte) 0, maxBlob);
        return out;
    }

    /**
     * Flips components of value {@code value} with at most {@code maxSize} pixels: 8-connected for ridges, 4-connected
     * for valleys (the complementary connectivities). Valley components touching the background are kept.
     */
    private static void flipSmallComponents(BinaryImage image, byte[] inside, byte value, int maxSize) {
        int w = image.width();
        int h = image.height();
        byte[] b = image.data();
        int[] offsets = value == 1 ? image.neighbourOffsets() : new int[] {-image.stride(), 1, image.stride(), -1};
        boolean[] seen = new boolean[b.length];
        int[] component = new int[maxSize + 1];
        int[] stack = new int[b.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int seed = image.index(x, y);
                if (b[seed] != value || seen[seed] || inside[seed] == 0) {
                    continue;
                }
                int size = 0;
                boolean keep = false;
                int top = 0;
                stack[top++] = seed;
                seen[seed] = true;
                while (top > 0) {
                    int i = stack[--top];
                    if (size <= maxSize) {
                        component[size] = i;
                    }
                    size++;
                    for (int o : offsets) {
                        int j = i + o;
                        if (seen[j] || b[j] != value) {
                            continue;
                        }
                        if (inside[j] == 0) {
                            keep = true; // touches the background (or the frame)
                            continue;
                        }
                        seen[j] = true;
                        stack[top++] = j;
                    }
                }
                if (!keep && size <= maxSize) {
                    for (int k = 0; k < size; k++) {
                        b[component[k]] = (byte) (1 - value);
                    }
                }
            }
        }
    }
}
