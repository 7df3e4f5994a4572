package org.borderid.finger.engine.match;

/**
 * Layout and parameters of bit-based Minutia Cylinder-Code descriptors (Cappelli, Ferrara, Maltoni, "Minutia
 * Cylinder-Code: a new representation and matching technique for fingerprint recognition", IEEE TPAMI 32(12), 2010;
 * referred to below as <em>MCC 2010</em>).
 *
 * <p>A cylinder is centred on a minutia and aligned with its direction: {@link #SPATIAL_CELLS}² cells across a disc of
 * radius {@link #RADIUS}, times {@link #DIRECTION_CELLS} layers of relative neighbour direction. Each cell holds one
 * bit ("some neighbour minutia with that relative direction lies near this cell"), and each spatial cell one validity
 * bit (inside the disc and inside the fingerprint area). Bits are stored as {@code long} words: the cell (i, j) of
 * layer k is bit {@code (i * 16 + j) % 64} of word {@code k * 4 + (i * 16 + j) / 64}; the validity mask uses the same
 * spatial numbering in {@link #MASK_WORDS} words, shared by all layers.
 */
public final class Cylinders {
    /** Cylinder radius, pixels at 500 dpi. MCC 2010 table 1 (R = 70): about seven ridge periods. */
    public static final int RADIUS = 70;
    /** Cells along each side of the cylinder's square base. MCC 2010 table 1 (N_S = 16). */
    public static final int SPATIAL_CELLS = 16;
    /** Direction layers. MCC 2010 table 1 (N_D = 6), 60° each. */
    public static final int DIRECTION_CELLS = 6;
    /** Side of a spatial cell, pixels: 2R / N_S = 8.75. */
    public static final double CELL_SIZE = 2.0 * RADIUS / SPATIAL_CELLS;
    /** Spatial cells per layer (256). */
    public static final int CELLS_PER_LAYER = SPATIAL_CELLS * SPATIAL_CELLS;
    /** 64-bit words of the spatial validity mask (4). */
    public static final int MASK_WORDS = CELLS_PER_LAYER / Long.SIZE;
    /**
     * Words per stored validity mask: the {@link #MASK_WORDS} words twice in a row, so that SIMD comparisons of 2, 4
     * or 8 words find the mask words of any cell word at the same offset modulo 8.
     */
    public static final int MASK_STRIDE = 8;
    /** 64-bit words of one cylinder's cell bits (24). */
    public static final int WORDS = MASK_WORDS * DIRECTION_CELLS;
    /** Spatial cells whose centre lies within {@link #RADIUS} of the cylinder's centre (the disc), 208 for 16×16. */
    public static final int DISC_CELLS;
    /** Validity mask of the disc cells, {@link #MASK_WORDS} words. */
    private static final long[] DISC = new long[MASK_WORDS];

    static {
        int count = 0;
        for (int i = 0; i < SPATIAL_CELLS; i++) {
            for (int j = 0; j < SPATIAL_CELLS; j++) {
                if (inDisc(i, j)) {
                    int cell = i * SPATIAL_CELLS + j;
                    DISC[cell >>> 6] |= 1L << cell;
                    count++;
                }
            }
        }
        DISC_CELLS = count;
    }

    private Cylinders() {}

    /** Whether the centre of spatial cell (i, j) lies within the cylinder radius. */
    static boolean inDisc(int i, int j) {
        double c = (SPATIAL_CELLS - 1) / 2.0;
        double di = (i - c) * CELL_SIZE;
        double dj = (j - c) * CELL_SIZE;
        return di * di + dj * dj <= (double) RADIUS * RADIUS;
    }

    /** Word {@code w} of the disc mask. */
    static long disc(int w) {
        return DISC[w];
    }
}
