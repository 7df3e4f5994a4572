package org.borderid.finger.engine.extract;

/**
 * Stage 9: thins ridges to 8-connected lines one pixel wide.
 *
 * <p>Guo &amp; Hall's parallel thinning (1989, algorithm A1: two sub-iterations deleting south-east then north-west
 * boundary pixels, each decision a 256-entry table lookup on the 8-neighbourhood), which preserves connectivity and
 * unlike Zhang–Suen does not erase 2×2 squares. A final raster pass removes the remaining "staircase" corner pixels
 * (simple points that are not line ends and close a right angle of 4-neighbours), so every line pixel has at most
 * two neighbours except at true junctions and the crossing number is exact.
 */
public final class Thinner {
    private static final boolean[][] DELETE = new boolean[2][256];
    private static final boolean[] STAIRCASE = new boolean[256];

    static {
        for (int code = 0; code < 256; code++) {
            boolean p2 = bit(code, 0);
            boolean p3 = bit(code, 1);
            boolean p4 = bit(code, 2);
            boolean p5 = bit(code, 3);
            boolean p6 = bit(code, 4);
            boolean p7 = bit(code, 5);
            boolean p8 = bit(code, 6);
            boolean p9 = bit(code, 7);
            int c = (!p2 && (p3 || p4) ? 1 : 0) + (!p4 && (p5 || p6) ? 1 : 0) + (!p6 && (p7 || p8) ? 1 : 0)
                    + (!p8 && (p9 || p2) ? 1 : 0);
            int n1 = or(p9, p2) + or(p3, p4) + or(p5, p6) + or(p7, p8);
            int n2 = or(p2, p3) + or(p4, p5) + or(p6, p7) + or(p8, p9);
            int n = Math.min(n1, n2);
            boolean common = c == 1 && n >= 2 && n <= 3;
            DELETE[0][code] = common && !((p2 || p3 || !p5) && p4);
            DELETE[1][code] = common && !((p6 || p7 || !p9) && p8);
            int count = Integer.bitCount(code);
            boolean corner = (p2 && p4) || (p4 && p6) || (p6 && p8) || (p8 && p2);
            STAIRCASE[code] = count >= 2 && corner && isSimple(code);
        }
    }

    private Thinner() {}

    /** A thinned copy of {@code ridges}. */
    public static BinaryImage thin(BinaryImage ridges) {
        BinaryImage out = new BinaryImage(ridges);
        byte[] b = out.data();
        int w = out.width();
        int h = out.height();
        int s = out.stride();
        int[] offsets = out.neighbourOffsets();
        // only boundary pixels can be deleted; a pixel becomes boundary when a neighbour is deleted
        int[] candidates = new int[b.length];
        boolean[] listed = new boolean[b.length];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = out.index(0, y); x < w; x++, i++) {
                if (b[i] != 0 && (b[i - 1] == 0 || b[i + 1] == 0 || b[i - s] == 0 || b[i + s] == 0)) {
                    candidates[n++] = i;
                    listed[i] = true;
                }
            }
        }
        int[] deletions = new int[b.length];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pass = 0; pass < 2; pass++) {
                int count = 0;
                for (int k = 0; k < n; k++) {
                    int i = candidates[k];
                    if (DELETE[pass][out.neighbours(i)]) {
                        deletions[count++] = i;
                    }
                }
                if (count == 0) {
                    continue;
                }
                changed = true;
                for (int k = 0; k < count; k++) {
                    b[deletions[k]] = 0;
                }
                int m = 0;
                for (int k = 0; k < n; k++) {
                    int i = candidates[k];
                    if (b[i] != 0) {
                        candidates[m++] = i;
                    } else {
                        listed[i] = false;
                    }
                }
                for (int k = 0; k < count; k++) {
                    for (int o : offsets) {
                        int j = deletions[k] + o;
                        if (b[j] != 0 && !listed[j]) {
                            listed[j] = true;
                            candidates[m++] = j;
                        }
                    }
                }
                n = m;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = out.index(0, y); x < w; x++, i++) {
                if (b[i] != 0 && STAIRCASE[out.neighbours(i)]) {
                    b[i] = 0;
                }
            }
        }
        return out;
    }

    /** Deleting the centre keeps its 8-neighbours 8-connected (Yokoi's 8-connectivity number is 1). */
    static boolean isSimple(int code) {
        int connectivity = 0;
        for (int k = 0; k < 8; k += 2) {
            boolean a = !bit(code, k);
            boolean b = !bit(code, (k + 1) % 8);
            boolean c = !bit(code, (k + 2) % 8);
            connectivity += (a ? 1 : 0) - (a && b && c ? 1 : 0);
        }
        return connectivity == 1;
    }

    private static boolean bit(int code, int k) {
        return (code >> k & 1) != 0;
    }

    private static int or(boolean a, boolean b) {
        return a || b ? 1 : 0;
    }
}
