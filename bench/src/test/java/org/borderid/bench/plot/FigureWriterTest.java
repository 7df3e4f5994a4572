package org.borderid.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FigureWriterTest {
    @TempDir
    Path dir;

    private static Figure figure(int points, String title) {
        Random random = new Random(11);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = Math.pow(10, -4 + 4.0 * i / (points - 1));
            y[i] = Math.min(1, 0.001 + random.nextDouble() * 0.01 / x[i]);
        }
        Axis fmr = Axis.log("FMR", 1e-4, 1).asPercent();
        Axis fnmr = Axis.log("FNMR", 1e-3, 1).asPercent();
        Panel a = new Panel("db <1> & \"two\"", fmr, fnmr, List.of(Series.line("ours", x, y),
                Series.reference("FMR = FNMR", new double[] {1e-3, 1}, new double[] {1e-3, 1})), List.of("EER 1%"));
        Panel b = new Panel("second", fmr, fnmr, List.of(Series.line("peer", x, y), Series.line("ours", x, y)),
                List.of());
        return Figure.grid(title, "a subtitle", 3, List.of(a, b));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgIsWellFormedWithEscapedTextAndOneLinePerSeries() throws Exception {
        Document doc = parse(FigureWriter.svg(figure(50, "DET <test>")));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(Integer.parseInt(root.getAttribute("width"))).isEqualTo(2 * 10 + 2 * Figure.DEFAULT_PANEL_WIDTH);
        NodeList texts = doc.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('|');
        }
        assertThat(all.toString()).contains("DET <test>", "db <1> & \"two\"", "EER 1%", "0.01%", "100%", "ours", "peer");
        // 3 data lines with many points; the reference line and the 2 legend samples have 2 points.
        NodeList lines = doc.getElementsByTagName("polyline");
        long dataLines = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            if (((Element) lines.item(i)).getAttribute("points").split(" ").length > 2) {
                dataLines++;
            }
        }
        assertThat(dataLines).isEqualTo(3);
    }

    @Test
    void sameSeriesNameKeepsItsColourAcrossPanels() {
        Figure f = figure(10, "t");
        assertThat(f.legend()).containsExactly("ours", "peer");
        String svg = FigureWriter.svg(f);
        assertThat(svg).contains("stroke=\"" + FigureRenderer.PALETTE.get(0) + "\"",
                "stroke=\"" + FigureRenderer.PALETTE.get(1) + "\"");
    }

    @Test
    void denseMonotoneSeriesAreThinnedToWhatTheEyeCanSee() {
        int n = 200_000; // a DET curve over 200,000 impostor scores
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 - (double) i / n;
            y[i] = Math.pow((double) i / n, 3);
        }
        Axis axis = Axis.log("rate", 1e-5, 1);
        Figure f = Figure.grid("dense", "", 1, List.of(new Panel("p", axis, axis, List.of(Series.line("s", x, y)),
                List.of())));

        assertThat(FigureWriter.svg(f).length()).isLessThan(60_000);
    }

    @Test
    void pngHasTheLayoutSizeTimesTheScale() throws Exception {
        Path png = dir.resolve("out/det.png");
        FigureWriter.write(figure(100, "png"), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(FigureRenderer.width(figure(100, "png"))
                * FigureWriter.PNG_SCALE));
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
    }

    @Test
    void writesSvgByExtensionAndRefusesOthers() throws Exception {
        Path svg = dir.resolve("det.SVG");
        FigureWriter.write(figure(10, "t"), svg);
        assertThat(Files.readString(svg)).startsWith("<?xml");
        assertThatThrownBy(() -> FigureWriter.write(figure(10, "t"), dir.resolve("det.pdf")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanPointsBreakTheLine() throws Exception {
        Axis x = Axis.linear("x", 0, 10);
        Panel p = new Panel("p", x, x, List.of(Series.line("s", new double[] {1, 2, Double.NaN, 4, 5},
                new double[] {1, 2, 3, 4, 5})), List.of());
        Document doc = parse(FigureWriter.svg(Figure.grid("t", "", 1, List.of(p))));
        NodeList lines = doc.getElementsByTagName("polyline");
        int twoPointDataLines = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            if (e.getAttribute("stroke").equals(FigureRenderer.PALETTE.get(0))
                    && e.getAttribute("stroke-width").equals("1.8")) {
                twoPointDataLines++;
            }
        }
        assertThat(twoPointDataLines).isEqualTo(2);
    }
}
