package org.borderid.bench.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Figure} as SVG (text, small, scales cleanly; what the docs commit) or PNG (Java2D, no dependency
 * beyond the JDK). Both use the same layout.
 */
public final class FigureWriter {
    /** PNG pixels per layout pixel: 2 gives crisp text on high-density screens at a few hundred KiB. */
    public static final double PNG_SCALE = 2;

    private FigureWriter() {}

    /** The figure as an SVG document. */
    public static String svg(Figure figure) {
        SvgCanvas canvas = new SvgCanvas(FigureRenderer.width(figure), FigureRenderer.height(figure));
        FigureRenderer.draw(figure, canvas);
        return canvas.finish();
    }

    /** The figure rendered to an RGB image at {@code scale} pixels per layout pixel (headless). */
    public static BufferedImage image(Figure figure, double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale must be in (0, 8]: " + scale);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        int w = (int) Math.ceil(FigureRenderer.width(figure) * scale);
        int h = (int) Math.ceil(FigureRenderer.height(figure) * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FigureRenderer.draw(figure, new Java2dCanvas(g, scale));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes SVG or PNG, chosen by the file's extension ({@code .svg}, {@code .png}); creates parent folders.
     *
     * @throws IllegalArgumentException for another extension
     * @throws IOException              when the file cannot be written
     */
    public static void write(Figure figure, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (name.endsWith(".svg")) {
            Files.writeString(file, svg(figure), StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            if (!ImageIO.write(image(figure, PNG_SCALE), "png", file.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
        } else {
            throw new IllegalArgumentException("plot file must end in .svg or .png: " + file);
        }
    }
}
