package org.borderid.bench.plot;

/** The drawing primitives the layout needs; SVG and Java2D implement them. Coordinates in pixels, y down. */
interface Canvas {
    /** Text placement relative to the anchor point. */
    enum Anchor {
        START,
        MIDDLE,
        END
    }

    /** A line style: colour as {@code #rrggbb}, width in pixels, dashed or solid. */
    record Stroke(String color, double width, boolean dashed) {}

    void polyline(double[] xs, double[] ys, int n, Stroke stroke);

    /** Disjoint straight segments, {@code x1 y1 x2 y2} per segment in {@code coordinates}, one stroke for all. */
    void segments(double[] coordinates, Stroke stroke);

    void rect(double x, double y, double width, double height, String fill, Stroke stroke);

    /**
     * Text with its baseline's anchor point at (x, y).
     *
     * @param rotated whether to rotate it 90° counter-clockwise about (x, y) (vertical axis titles)
     */
    void text(double x, double y, String text, double size, Anchor anchor, boolean bold, boolean rotated);

    /** Limits the following polylines to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double width, double height);

    void unclip();
}
