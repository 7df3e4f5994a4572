package org.borderid.bench.plot;

import java.util.Locale;

/** Writes SVG 1.1 elements into a string; numbers with one decimal to keep files small. */
final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();
    private int clips;
    private boolean clipped;

    SvgCanvas(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n",
                width, height, width, height));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Stroke stroke) {
        if (n < 2) {
            return;
        }
        svg.append("<polyline fill=\"none\"").append(strokeAttributes(stroke)).append(" points=\"");
        for (int i = 0; i < n; i++) {
            svg.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void segments(double[] c, Stroke stroke) {
        if (c.length < 4) {
            return;
        }
        svg.append("<path fill=\"none\"").append(strokeAttributes(stroke)).append(" d=\"");
        for (int i = 0; i + 3 < c.length; i += 4) {
            svg.append(i == 0 ? "M" : " M").append(num(c[i])).append(' ').append(num(c[i + 1])).append(" L")
                    .append(num(c[i + 2])).append(' ').append(num(c[i + 3]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, Stroke stroke) {
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" fill=\"")
                .append(fill == null ? "none" : fill).append('"')
                .append(stroke == null ? "" : strokeAttributes(stroke)).append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean bold, boolean rotated) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(size)).append('"');
        if (anchor != Anchor.START) {
            svg.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (bold) {
            svg.append(" font-weight=\"bold\"");
        }
        if (rotated) {
            svg.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        unclip();
        String id = "clip" + (++clips);
        svg.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            svg.append("</g>\n");
            clipped = false;
        }
    }

    String finish() {
        unclip();
        return svg.append("</svg>\n").toString();
    }

    private static String strokeAttributes(Stroke s) {
        return " stroke=\"" + s.color() + "\" stroke-width=\"" + num(s.width()) + "\""
                + (s.dashed() ? " stroke-dasharray=\"" + num(4 * s.width() + 2) + "," + num(3 * s.width() + 1) + "\""
                        : "")
                + " stroke-linejoin=\"round\"";
    }

    private static String num(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
