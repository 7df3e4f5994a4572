package org.borderid.bench.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.borderid.bench.plot.Figure;
import org.borderid.bench.plot.FigureWriter;
import org.junit.jupiter.api.Test;

class RocFigureTest {
    @Test
    void plotsTheRocOnALogGridWithTheOperatingPointsAsNotes() throws Exception {
        long seed = 3L;
        Random random = new Random(seed);
        ScoreHistogram mated = new ScoreHistogram();
        ScoreHistogram nonMated = new ScoreHistogram();
        for (int i = 0; i < 200_000; i++) {
            nonMated.add(random.nextGaussian() * 0.1);
            if (i % 10 == 0) {
                mated.add(0.6 + random.nextGaussian() * 0.12);
            }
        }
        double[][] roc = nonMated.roc(mated, RocFigure.MIN_FAR, 40);
        assertThat(roc.length).isBetween(100, 241); // 40 points per decade down to the 1/200,000 resolution
        for (int i = 1; i < roc.length; i++) {
            assertThat(roc[i][0]).as("seed %d", seed).isLessThanOrEqualTo(roc[i - 1][0]);
            assertThat(roc[i][1]).as("seed %d", seed).isLessThanOrEqualTo(roc[i - 1][1]);
        }
        double t = nonMated.thresholdAtRate(1e-3);
        Figure figure = RocFigure.of("test ROC", "synthetic", roc,
                new double[][] {{t, nonMated.rateAtOrAbove(t), mated.rateAtOrAbove(t)}}, List.of("FMR 1e-3"));
        String svg = FigureWriter.svg(figure);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("test ROC").contains("FMR 1e-3: threshold").contains("synthetic");
        assertThat(svg.length()).isLessThan(100_000);
    }
}
