package org.borderid.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Draws on a Java2D surface (a {@code BufferedImage} for PNG), antialiased, at a given scale. */
final class Java2dCanvas implements Canvas {
    private final Graphics2D g;

    Java2dCanvas(Graphics2D g, double scale) {
        this.g = g;
        g.scale(scale, scale);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Stroke stroke) {
        if (n < 2) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        apply(stroke);
        g.draw(path);
    }

    @Override
    public void segments(double[] c, Stroke stroke) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i + 3 < c.length; i += 4) {
            path.moveTo(c[i], c[i + 1]);
            path.lineTo(c[i + 2], c[i + 3]);
        }
        apply(stroke);
        g.draw(path);
    }

    @Override
    public void rect(double x, double y, double width, double height, String fill, Stroke stroke) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, width, height);
        if (fill != null) {
            g.setColor(Color.decode(fill));
            g.fill(r);
        }
        if (stroke != null) {
            apply(stroke);
            g.draw(r);
        }
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean bold, boolean rotated) {
        Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        g.setFont(font);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        double width = metrics.getStringBounds(text, g).getWidth();
        double shift = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -width / 2 : -width;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (rotated) {
            g.rotate(-Math.PI / 2);
        }
        g.drawString(text, (float) shift, 0f);
        g.setTransform(saved);
    }

    @Override
    public void clip(double x, double y, double width, double height) {
        g.setClip(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    private void apply(Stroke s) {
        g.setColor(Color.decode(s.color()));
        float w = (float) s.width();
        g.setStroke(s.dashed()
                ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {4 * w + 2, 3 * w + 1}, 0f)
                : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
}
