package org.borderid.finger.engine.match;

import static org.borderid.finger.engine.match.Cylinders.CELLS_PER_LAYER;
import static org.borderid.finger.engine.match.Cylinders.CELL_SIZE;
import static org.borderid.finger.engine.match.Cylinders.DIRECTION_CELLS;
import static org.borderid.finger.engine.match.Cylinders.DISC_CELLS;
import static org.borderid.finger.engine.match.Cylinders.MASK_WORDS;
import static org.borderid.finger.engine.match.Cylinders.RADIUS;
import static org.borderid.finger.engine.match.Cylinders.SPATIAL_CELLS;
import static org.borderid.finger.engine.match.Cylinders.WORDS;

import java.util.Arrays;

/**
 * Builds the bit-based MCC cylinder of every minutia of a template (MCC 2010, sec. 3 and 5; see {@link Cylinders}).
 *
 * <p>Each neighbour minutia t of the centre m adds to the cells near it a spatial Gaussian of its distance to the
 * cell centre times the probability mass of a directional Gaussian of dφ(θm, θt) falling into the layer's angle range;
 * a cell's bit is set where the sum reaches {@link #BIT_THRESHOLD}. Cells outside the disc, or farther than
 * {@link #AREA_MARGIN} outside the convex hull of all minutiae, are invalid.
 */
final class CylinderBuilder {
    /** Spatial Gaussian σ_S, pixels. MCC 2010 table 1 (28/3): a contribution reaches about three cells. */
    static final double SIGMA_S = 28.0 / 3.0;
    /** Directional Gaussian σ_D, radians. MCC 2010 table 1 (2π/9, 40°). */
    static final double SIGMA_D = 2 * Math.PI / 9;
    /**
     * Threshold of the summed contribution at which a cell's bit is set (μ_Ψ, the sigmoid's midpoint, used as a step
     * for the bit encoding). MCC 2010 table 1 (1/100). Range: one neighbour alone sets the cells within about 1.3 σ_S
     * of it in its own direction layer.
     */
    static final float BIT_THRESHOLD = 0.01f;
    /** Spatial contributions are cut beyond this distance from the neighbour, pixels (3 σ_S, MCC 2010 eq. 6). */
    static final double CONTRIBUTION_RADIUS = 3 * SIGMA_S;
    /** Margin around the minutiae's convex hull still counted as fingerprint area, pixels. MCC 2010 table 1 (ω = 50). */
    static final float AREA_MARGIN = 50;
    /**
     * Fraction of the disc's cells that must be valid for the cylinder to be used: cylinders at the border of the
     * fingerprint carry too little information. MCC 2010 table 1 (min_VC = 0.75).
     */
    static final double MIN_VALID_FRACTION = 0.75;
    /** Neighbours (within R + 3σ_S) a cylinder needs to be used. MCC 2010 table 1 (min_M = 2). */
    static final int MIN_NEIGHBOURS = 2;

    private static final int MIN_VALID_CELLS = (int) Math.ceil(MIN_VALID_FRACTION * DISC_CELLS);
    private static final double REACH = RADIUS + CONTRIBUTION_RADIUS;
    private static final double CENTRE = (SPATIAL_CELLS - 1) / 2.0;

    /** Spatial Gaussian by squared distance in cells, sampled at {@link #GAUSS_RESOLUTION} steps per cell². */
    private static final int GAUSS_RESOLUTION = 64;
    private static final double CUT_CELLS_SQUARED = square(CONTRIBUTION_RADIUS / CELL_SIZE);
    private static final float[] GAUSS = new float[(int) Math.ceil(CUT_CELLS_SQUARED * GAUSS_RESOLUTION) + 2];
    /** Directional contribution by relative direction (256 steps) and layer. */
    private static final float[] DIRECTIONAL = new float[Angles.STEPS * DIRECTION_CELLS];

    static {
        double norm = 1 / (SIGMA_S * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < GAUSS.length; i++) {
            double d2 = (double) i / GAUSS_RESOLUTION * CELL_SIZE * CELL_SIZE;
            GAUSS[i] = (float) (norm * Math.exp(-d2 / (2 * SIGMA_S * SIGMA_S)));
        }
        double layer = 2 * Math.PI / DIRECTION_CELLS;
        for (int s = 0; s < Angles.STEPS; s++) {
            double relative = signedRadians(s);
            for (int k = 0; k < DIRECTION_CELLS; k++) {
                double centre = -Math.PI + (k + 0.5) * layer;
                double alpha = wrap(relative - centre);
                double scale = SIGMA_D * Math.sqrt(2);
                DIRECTIONAL[s * DIRECTION_CELLS + k] =
                        (float) (0.5 * (erf((alpha + layer / 2) / scale) - erf((alpha - layer / 2) / scale)));
            }
        }
    }

    /**
     * Half-width of the cylinder's disc at each row offset, widened so that it covers every cell centre whose row
     * rounds to that offset (offsets up to R + 1).
     */
    private static final float[] DISC_HALF_WIDTHS = new float[RADIUS + 2];

    static {
        for (int dy = 0; dy < DISC_HALF_WIDTHS.length; dy++) {
            double nearest = Math.max(0, dy - 0.5);
            DISC_HALF_WIDTHS[dy] = (float) Math.sqrt(Math.max(0, (double) RADIUS * RADIUS - nearest * nearest));
        }
    }

    private CylinderBuilder() {}

    /**
     * Fills {@code bits} ({@code n * WORDS}) and {@code masks} ({@code n * MASK_WORDS}) and returns, per minutia,
     * whether its cylinder is valid.
     */
    static boolean[] build(int n, int[] x, int[] y, int[] direction, ConvexHull hull, long[] bits, long[] masks) {
        boolean[] valid = new boolean[n];
        if (n == 0) {
            return valid;
        }
        ConvexHull.Area area = hull.expand(AREA_MARGIN);
        float[] sum = new float[CELLS_PER_LAYER * DIRECTION_CELLS]; // cell-major: (i * 16 + j) * 6 + k
        long[] touched = new long[MASK_WORDS];
        for (int m = 0; m < n; m++) {
            if (mask(m, x[m], y[m], direction[m], area, masks) < MIN_VALID_CELLS) {
                continue;
            }
            int neighbours = accumulate(m, n, x, y, direction, sum, touched);
            valid[m] = neighbours >= MIN_NEIGHBOURS;
            encode(sum, touched, masks, m * MASK_WORDS, valid[m] ? bits : null, m * WORDS);
        }
        return valid;
    }

    /**
     * Adds the contributions of minutia m's neighbours to {@code sum}, marks the cells it touched, and returns the
     * number of neighbours (minutiae within R + 3σ_S).
     */
    private static int accumulate(int m, int n, int[] x, int[] y, int[] direction, float[] sum, long[] touched) {
        float c = Angles.cos(direction[m]);
        float s = Angles.sin(direction[m]);
        float reach2 = (float) (REACH * REACH);
        float cut = (float) (CONTRIBUTION_RADIUS / CELL_SIZE);
        float cut2 = (float) CUT_CELLS_SQUARED;
        float inverseCell = (float) (1 / CELL_SIZE);
        float centre = (float) CENTRE;
        int neighbours = 0;
        for (int t = 0; t < n; t++) {
            float dx = x[t] - x[m];
            float dy = y[t] - y[m];
            if (t == m || dx * dx + dy * dy > reach2) {
                continue;
            }
            neighbours++;
            // Cell coordinates in the local frame: i along the direction (cos, -sin), j along (-sin, -cos).
            float fi = (dx * c - dy * s) * inverseCell + centre;
            float fj = (-dx * s - dy * c) * inverseCell + centre;
            int iLow = Math.max(0, ceil(fi - cut));
            int iHigh = Math.min(SPATIAL_CELLS - 1, floor(fi + cut));
            int jLow = Math.max(0, ceil(fj - cut));
            int jHigh = Math.min(SPATIAL_CELLS - 1, floor(fj + cut));
            int dirBase = Angles.difference(direction[t], direction[m]) * DIRECTION_CELLS;
            float d0 = DIRECTIONAL[dirBase];
            float d1 = DIRECTIONAL[dirBase + 1];
            float d2 = DIRECTIONAL[dirBase + 2];
            float d3 = DIRECTIONAL[dirBase + 3];
            float d4 = DIRECTIONAL[dirBase + 4];
            float d5 = DIRECTIONAL[dirBase + 5];
            for (int i = iLow; i <= iHigh; i++) {
                float di2 = (i - fi) * (i - fi);
                float rest = cut2 - di2;
                if (rest < 0) {
                    continue;
                }
                // The cells of this row within the cut-off circle: one run, no test per cell.
                float half = (float) Math.sqrt(rest);
                int jFrom = Math.max(jLow, ceil(fj - half));
                int jTo = Math.min(jHigh, floor(fj + half));
                if (jFrom > jTo) {
                    continue;
                }
                int first = i * SPATIAL_CELLS + jFrom;
                touched[first >>> 6] |= ((1L << (jTo - jFrom + 1)) - 1) << (first & 63);
                for (int j = jFrom, at = first * DIRECTION_CELLS; j <= jTo; j++, at += DIRECTION_CELLS) {
                    float spatial = GAUSS[(int) ((di2 + (j - fj) * (j - fj)) * GAUSS_RESOLUTION + 0.5f)];
                    sum[at] += spatial * d0;
                    sum[at + 1] += spatial * d1;
                    sum[at + 2] += spatial * d2;
                    sum[at + 3] += spatial * d3;
                    sum[at + 4] += spatial * d4;
                    sum[at + 5] += spatial * d5;
                }
            }
        }
        return neighbours;
    }

    /**
     * Sets the bits of the valid touched cells whose sum reaches the threshold (unless {@code bits} is null), and
     * zeroes the touched cells and marks for the next cylinder.
     */
    private static void encode(float[] sum, long[] touched, long[] masks, int maskAt, long[] bits, int bitsAt) {
        for (int w = 0; w < MASK_WORDS; w++) {
            long valid = bits == null ? 0 : masks[maskAt + w];
            for (long live = touched[w]; live != 0; live &= live - 1) {
                int bit = Long.numberOfTrailingZeros(live);
                int at = (w * Long.SIZE + bit) * DIRECTION_CELLS;
                if ((valid & (1L << bit)) != 0) {
                    for (int k = 0; k < DIRECTION_CELLS; k++) {
                        if (sum[at + k] >= BIT_THRESHOLD) {
                            bits[bitsAt + k * MASK_WORDS + w] |= 1L << bit;
                        }
                    }
                }
                for (int k = 0; k < DIRECTION_CELLS; k++) {
                    sum[at + k] = 0;
                }
            }
            touched[w] = 0;
        }
    }

    /**
     * Writes the validity mask of minutia m's cylinder (disc cells inside the fingerprint area) and returns its number
     * of valid cells.
     */
    private static int mask(int m, int cx, int cy, int direction, ConvexHull.Area area, long[] masks) {
        int at = m * MASK_WORDS;
        if (area.containsAll(cx, cy, DISC_HALF_WIDTHS)) { // the usual case: the whole disc lies in the area
            for (int w = 0; w < MASK_WORDS; w++) {
                masks[at + w] = Cylinders.disc(w);
            }
            return DISC_CELLS;
        }
        float c = Angles.cos(direction);
        float s = Angles.sin(direction);
        int count = 0;
        for (int i = 0; i < SPATIAL_CELLS; i++) {
            float u = (float) ((i - CENTRE) * CELL_SIZE);
            for (int j = 0; j < SPATIAL_CELLS; j++) {
                int cell = i * SPATIAL_CELLS + j;
                if ((Cylinders.disc(cell >>> 6) & (1L << cell)) == 0) {
                    continue;
                }
                float v = (float) ((j - CENTRE) * CELL_SIZE);
                if (area.contains(cx + u * c - v * s, cy - u * s - v * c)) {
                    masks[at + (cell >>> 6)] |= 1L << cell;
                    count++;
                }
            }
        }
        return count;
    }

    private static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    private static int ceil(float v) {
        int i = (int) v;
        return v > i ? i + 1 : i;
    }

    private static double signedRadians(int steps) {
        int signed = steps >= Angles.HALF ? steps - Angles.STEPS : steps;
        return signed * Angles.RADIANS_PER_STEP;
    }

    private static double wrap(double radians) {
        double r = radians % (2 * Math.PI);
        if (r >= Math.PI) {
            r -= 2 * Math.PI;
        } else if (r < -Math.PI) {
            r += 2 * Math.PI;
        }
        return r;
    }

    /** Error function, Abramowitz &amp; Stegun 7.1.26 (|error| &lt; 1.5e-7); used for the tables only. */
    static double erf(double v) {
        double t = 1 / (1 + 0.3275911 * Math.abs(v));
        double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-v * v);
        return v >= 0 ? y : -y;
    }

    private static double square(double v) {
        return v * v;
    }
}
