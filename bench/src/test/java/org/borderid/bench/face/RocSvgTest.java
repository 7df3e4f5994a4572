package org.borderid.bench.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RocSvgTest {
    @Test
    void writesAWellFormedCompactSvgWithTheCurveAndMarkers() throws Exception {
        Random random = new Random(3);
        ScoreHistogram mated = new ScoreHistogram();
        ScoreHistogram nonMated = new ScoreHistogram();
        for (int i = 0; i < 200_000; i++) {
            nonMated.add(random.nextGaussian() * 0.1);
            if (i % 10 == 0) {
                mated.add(0.6 + random.nextGaussian() * 0.12);
            }
        }
        String svg = RocSvg.render("test <ROC>", List.of(new RocSvg.Curve("synthetic", nonMated.roc(mated))),
                List.of(new RocSvg.Marker("FMR 1e-3", 1e-3, mated.rateAtOrAbove(nonMated.thresholdAtRate(1e-3)))));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(1);
        assertThat(svg).contains("test &lt;ROC&gt;").contains("1e-3").contains("false accept rate");
        assertThat(svg.length()).isLessThan(60_000); // one vertex per pixel, not per histogram bin
    }
}
