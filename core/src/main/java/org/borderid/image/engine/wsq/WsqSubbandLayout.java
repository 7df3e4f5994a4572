package org.borderid.image.engine.wsq;

import java.util.List;

/**
 * Where the WSQ wavelet decomposition puts its 64 subbands in the image plane, for a given image size.
 *
 * <p>The decomposition is a fixed tree of 20 two-dimensional splits ("wavelet tree" nodes). A split divides a
 * rectangle into four quadrants: in each direction the lowpass half takes the first ⌈n/2⌉ samples and the highpass
 * half the other ⌊n/2⌋, except in a direction where the rectangle is <em>spectrally inverted</em>, which stores its
 * highpass half first (⌊n/2⌋ samples, then ⌈n/2⌉). A quadrant right of the split is inverted horizontally, a quadrant
 * below it vertically (so the bottom-right quadrant both ways); the top-left quadrant is never inverted.
 *
 * <p>Node 0 is the whole image. Its top-left quadrant is node 1, top-right node 2, bottom-left node 3; its
 * bottom-right quadrant is discarded by the encoder (subbands 60..63, never coded). Node 1 splits into node 14
 * (top-left), node 4 (top-right), node 5 (bottom-left) and subband 51 (bottom-right). Nodes 4, 5 and 14 split into
 * 6..9, 10..13 and 15..18, and node 15's top-left quadrant is node 19. Every node without node children is split
 * once more into four subbands, numbered in quadrant order (top-left, top-right, bottom-left, bottom-right):
 * node 19 → 0..3, node 15 → 4..6 (its top-left is node 19), 16 → 7..10, 17 → 11..14, 18 → 15..18, 6 → 19..22,
 * 7 → 23..26, 8 → 27..30, 9 → 31..34, 10 → 35..38, 11 → 39..42, 12 → 43..46, 13 → 47..50, 2 → 52..55,
 * 3 → 56..59. This is the layout of the specification's decomposition figure and of the NIST reference
 * implementation's tables.
 *
 * <p>Coded coefficients are stored subband by subband in index order (0..59), each in row-major order.
 */
public final class WsqSubbandLayout {
    /** Number of split nodes in the wavelet tree. */
    public static final int NODES = 20;
    /** Subbands that carry data (60..63, the finest diagonal detail, are never coded). */
    public static final int CODED_SUBBANDS = 60;

    /**
     * A rectangle of the image plane.
     *
     * @param x       left column
     * @param y       top row
     * @param width   columns (may be 0 for tiny images)
     * @param height  rows (may be 0)
     * @param invertX whether the horizontal split of this rectangle stores the highpass half first
     * @param invertY whether the vertical split stores the highpass half first
     */
    public record Region(int x, int y, int width, int height, boolean invertX, boolean invertY) {
        public Region {
            if (x < 0 || y < 0 || width < 0 || height < 0) {
                throw new IllegalArgumentException("negative region " + x + "," + y + " " + width + "x" + height);
            }
        }

        /** Columns of the left part of this rectangle's split. */
        int leftWidth() {
            return invertX ? width / 2 : (width + 1) / 2;
        }

        /** Rows of the top part of this rectangle's split. */
        int topHeight() {
            return invertY ? height / 2 : (height + 1) / 2;
        }

        /** Quadrant 0 = top-left, 1 = top-right, 2 = bottom-left, 3 = bottom-right of this rectangle's split. */
        Region quadrant(int index) {
            boolean right = (index & 1) != 0;
            boolean bottom = (index & 2) != 0;
            int left = leftWidth();
            int top = topHeight();
            return new Region(right ? x + left : x, bottom ? y + top : y, right ? width - left : left,
                    bottom ? height - top : top, right, bottom);
        }
    }

    private final int width;
    private final int height;
    private final List<Region> nodes;
    private final List<Region> subbands;

    private WsqSubbandLayout(int width, int height) {
        this.width = width;
        this.height = height;
        Region[] node = new Region[NODES];
        node[0] = new Region(0, 0, width, height, false, false);
        node[1] = node[0].quadrant(0);
        node[2] = node[0].quadrant(1);
        node[3] = node[0].quadrant(2);
        node[14] = node[1].quadrant(0);
        node[4] = node[1].quadrant(1);
        node[5] = node[1].quadrant(2);
        childrenOf(node, 4, 6);
        childrenOf(node, 5, 10);
        childrenOf(node, 14, 15);
        node[19] = node[15].quadrant(0);

        Region[] band = new Region[64];
        quadrants(band, 0, node[19], 0);
        quadrants(band, 4, node[15], 1);
        int next = 7;
        for (int n : new int[] {16, 17, 18, 6, 7, 8, 9, 10, 11, 12, 13}) {
            quadrants(band, next, node[n], 0);
            next += 4;
        }
        band[51] = node[1].quadrant(3);
        quadrants(band, 52, node[2], 0);
        quadrants(band, 56, node[3], 0);
        quadrants(band, 60, node[0].quadrant(3), 0);
        this.nodes = List.of(node);
        this.subbands = List.of(band);
    }

    /** The layout for an image of the given size (≥ 1 × 1). */
    public static WsqSubbandLayout of(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        return new WsqSubbandLayout(width, height);
    }

    private static void childrenOf(Region[] node, int parent, int first) {
        for (int q = 0; q < 4; q++) {
            node[first + q] = node[parent].quadrant(q);
        }
    }

    /** Puts quadrants {@code fromQuadrant..3} of {@code region} into {@code band[first..]}. */
    private static void quadrants(Region[] band, int first, Region region, int fromQuadrant) {
        for (int q = fromQuadrant; q < 4; q++) {
            band[first + q - fromQuadrant] = region.quadrant(q);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Wavelet tree node {@code 0..19}. */
    public Region node(int index) {
        return nodes.get(index);
    }

    /** Subband {@code 0..63}. */
    public Region subband(int index) {
        return subbands.get(index);
    }
}
