package org.borderid.finger.engine.extract;

import java.util.Arrays;

/**
 * Stage 4: separates the fingerprint from the background by ridge contrast.
 *
 * <p>Each cell's contrast is the RMS of the band-passed image over the 3×3 cells around it (24×24 px, two to three
 * ridge periods). A cell is foreground when its contrast reaches both an absolute floor (below it there are no
 * ridges at all: blank or uniform captures) and a fraction of the image's strong ridge contrast (the
 * {@value #REFERENCE_PERCENTILE} percentile of cells), which adapts to the sensor's gain, and when its gradients show
 * at least some common direction (structure-tensor coherence), which random texture lacks. The raw decision is then
 * cleaned at cell level: majority votes remove isolated cells and notches, only the largest connected region (the
 * finger) is kept, and its holes are filled.
 *
 * <p>The 3×3 window lets the region spill up to one cell past the last ridge; trimming that spill measured worse on
 * FVC (faint rims lose their minutiae), so the minutiae filter handles the rim instead.
 */
public final class ForegroundSegmenter {
    /**
     * Lowest ridge contrast that counts as fingerprint, RMS gray levels of the band-passed image (range 2..8). On the
     * eight FVC2000/2002 databases, foreground cells measure a median of 11..46 (10th percentile 5..20), background
     * cells a median of 0..7.
     */
    public static final double MIN_CONTRAST = 5;
    /** Percentile of cell contrast taken as the image's strong ridge contrast, 0..1. */
    public static final double REFERENCE_PERCENTILE = 0.95;
    /**
     * Fraction of the reference contrast a cell needs, 0..1. The reference (95th percentile) measures 21..68 on FVC;
     * dry or lightly pressed parts of a print keep about a third of it, backgrounds (median) about a tenth. 0.35
     * measured 0.1 points of EER worse on FVC.
     */
    public static final double RELATIVE_CONTRAST = 0.25;
    /** Radius of the majority vote, cells (2 = 5×5 cells, 40×40 px). */
    public static final int VOTE_RADIUS = 2;
    /**
     * Lowest structure-tensor coherence of a foreground cell, 0..1. Uniform random noise measures 0.07; FVC
     * foreground cells a median of 0.55..0.76 (10th percentile 0.33..0.46). Low enough to keep cores, deltas and
     * smudges (0.25 lost faint areas: 1 point of EER worse on FVC), high enough to drop pure noise.
     */
    public static final double MIN_COHERENCE = 0.15;
    /** Majority vote passes. */
    public static final int VOTE_PASSES = 2;

    private ForegroundSegmenter() {}

    public static ForegroundMask segment(FloatRaster bandpassed, StructureTensor tensor) {
        CellGrid grid = tensor.grid();
        float[] meanSquares = cellMeanSquares(grid, bandpassed.data());
        float[] contrast = neighbourhoodContrast(grid, meanSquares);
        float[] sorted = contrast.clone();
        Arrays.sort(sorted);
        float reference = sorted[(int) Math.min(sorted.length - 1, Math.floor(REFERENCE_PERCENTILE * sorted.length))];
        double threshold = Math.max(MIN_CONTRAST, RELATIVE_CONTRAST * reference);
        boolean[] cells = new boolean[grid.cells()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = contrast[i] >= threshold && tensor.coherence(i) >= MIN_COHERENCE;
        }
        for (int pass = 0; pass < VOTE_PASSES; pass++) {
            cells = vote(grid, cells);
        }
        cells = largestRegion(grid, cells);
        fillHoles(grid, cells);
        float[] relative = new float[meanSquares.length];
        for (int i = 0; i < relative.length; i++) {
            relative[i] = reference > 0 ? (float) Math.sqrt(meanSquares[i]) / reference : 0;
        }
        return new ForegroundMask(grid, cells, relative);
    }

    /** Mean square of the band-passed image over each cell. */
    static float[] cellMeanSquares(CellGrid grid, float[] bandpassed) {
        float[] squares = new float[bandpassed.length];
        for (int i = 0; i < squares.length; i++) {
            squares[i] = bandpassed[i] * bandpassed[i];
        }
        return grid.means(squares);
    }

    /** RMS over the 3×3 cells around each cell, from the cells' mean squares. */
    static float[] neighbourhoodContrast(CellGrid grid, float[] meanSquares) {
        int cols = grid.cols();
        int rows = grid.rows();
        float[] out = new float[meanSquares.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float sum = 0;
                int n = 0;
                for (int rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1); rr++) {
                    for (int cc = Math.max(0, c - 1); cc <= Math.min(cols - 1, c + 1); cc++) {
                        sum += meanSquares[rr * cols + cc];
                        n++;
                    }
                }
                out[r * cols + c] = (float) Math.sqrt(sum / n);
            }
        }
        return out;
    }

    private static boolean[] vote(CellGrid grid, boolean[] cells) {
        int cols = grid.cols();
        int rows = grid.rows();
        int window = (2 * VOTE_RADIUS + 1) * (2 * VOTE_RADIUS + 1);
        boolean[] out = new boolean[cells.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int votes = 0;
                for (int rr = r - VOTE_RADIUS; rr <= r + VOTE_RADIUS; rr++) {
                    for (int cc = c - VOTE_RADIUS; cc <= c + VOTE_RADIUS; cc++) {
                        if (rr >= 0 && cc >= 0 && rr < rows && cc < cols && cells[rr * cols + cc]) {
                            votes++;
                        }
                    }
                }
                out[r * cols + c] = 2 * votes > window;
            }
        }
        return out;
    }

    /** The largest 4-connected foreground region. */
    private static boolean[] largestRegion(CellGrid grid, boolean[] cells) {
        int[] label = labels(grid, cells, true);
        int[] size = new int[cells.length + 1];
        for (int l : label) {
            if (l > 0) {
                size[l]++;
            }
        }
        int best = 0;
        for (int l = 1; l < size.length; l++) {
            if (size[l] > size[best]) {
                best = l;
            }
        }
        boolean[] out = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = best > 0 && label[i] == best;
        }
        return out;
    }

    /** Background regions that do not touch the grid edge become foreground. */
    private static void fillHoles(CellGrid grid, boolean[] cells) {
        int[] label = labels(grid, cells, false);
        int cols = grid.cols();
        int rows = grid.rows();
        boolean[] touchesEdge = new boolean[cells.length + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (r == 0 || c == 0 || r == rows - 1 || c == cols - 1) {
                    touchesEdge[label[r * cols + c]] = true;
                }
            }
        }
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i] && !touchesEdge[label[i]]) {
                cells[i] = true;
            }
        }
    }

    /** 4-connected labels (1..n) of the cells equal to {@code value}; 0 elsewhere. */
    private static int[] labels(CellGrid grid, boolean[] cells, boolean value) {
        int cols = grid.cols();
        int n = cells.length;
        int[] label = new int[n];
        int[] stack = new int[n];
        int next = 0;
        for (int seed = 0; seed < n; seed++) {
            if (cells[seed] != value || label[seed] != 0) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = seed;
            label[seed] = next;
            while (top > 0) {
                int i = stack[--top];
                int c = i % cols;
                if (c > 0) {
                    top = push(cells, label, stack, top, i - 1, value, next);
                }
                if (c < cols - 1) {
                    top = push(cells, label, stack, top, i + 1, value, next);
                }
                if (i >= cols) {
                    top = push(cells, label, stack, top, i - cols, value, next);
                }
                if (i + cols < n) {
                    top = push(cells, label, stack, top, i + cols, value, next);
                }
            }
        }
        return label;
    }

    private static int push(boolean[] cells, int[] label, int[] stack, int top, int j, boolean value, int l) {
        if (cells[j] == value && label[j] == 0) {
            label[j] = l;
            stack[top++] = j;
        }
        return top;
    }
}
