package org.borderid.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.borderid.OperatingPoint;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * End-to-end check of the default engine on a small seeded sample of LFW View 1's test pairs ({@code pairsDevTest.txt},
 * identities never used for calibration). The LFW-wide figures come from {@code ./borderid eval faces} (docs/face.md:
 * TAR 97.4% at the FMR 1e-3 threshold on these 500 mated pairs, no false match among the 500 mismatched ones); this
 * guards against a pipeline regression at a fraction of the cost.
 */
class FaceLfwSubsetTest {
    private static final long SEED = 20_261_126L;
    private static final int PAIRS_PER_KIND = 20;

    private record Pair(String person1, int image1, String person2, int image2) {}

    @Test
    void theDefaultEngineMatchesSeededLfwTestPairsAtTheCalibratedThreshold() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("data/faces/lfw/pairsDevTest.txt"));
        int n = Integer.parseInt(lines.get(0).trim());
        List<Pair> mated = new ArrayList<>();
        List<Pair> nonMated = new ArrayList<>();
        for (int i = 1; i <= 2 * n; i++) {
            String[] f = lines.get(i).trim().split("\t");
            if (i <= n) {
                mated.add(new Pair(f[0], Integer.parseInt(f[1]), f[0], Integer.parseInt(f[2])));
            } else {
                nonMated.add(new Pair(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3])));
            }
        }
        Random random = new Random(SEED);
        Collections.shuffle(mated, random);
        Collections.shuffle(nonMated, random);

        Map<String, FaceEmbedding> embeddings = new HashMap<>();
        int matedAccepted = 0;
        int nonMatedAccepted = 0;
        try (FaceEngine engine = FaceEngine.open(FaceTestData.config())) {
            double threshold = engine.model().threshold(OperatingPoint.FMR_1E3);
            for (Pair p : mated.subList(0, PAIRS_PER_KIND)) {
                if (score(engine, embeddings, p) >= threshold) {
                    matedAccepted++;
                }
            }
            for (Pair p : nonMated.subList(0, PAIRS_PER_KIND)) {
                if (score(engine, embeddings, p) >= threshold) {
                    nonMatedAccepted++;
                }
            }
        }
        // LFW-wide: 97.4% of mated pairs accepted; 18 of 20 leaves room for sampling noise, not for a regression.
        assertThat(matedAccepted).as("mated pairs accepted, seed %d", SEED).isGreaterThanOrEqualTo(18);
        assertThat(nonMatedAccepted).as("non-mated pairs accepted, seed %d", SEED).isLessThanOrEqualTo(1);
    }

    private static double score(FaceEngine engine, Map<String, FaceEmbedding> cache, Pair p) {
        FaceEmbedding a = embedding(engine, cache, p.person1(), p.image1());
        FaceEmbedding b = embedding(engine, cache, p.person2(), p.image2());
        return a.cosine(b);
    }

    private static FaceEmbedding embedding(FaceEngine engine, Map<String, FaceEmbedding> cache, String person,
            int number) {
        return cache.computeIfAbsent(person + "_" + number, k -> {
            FaceCapture capture = engine.capture(FaceTestData.lfw(person, number));
            assertThat(capture).as("%s %d", person, number).isInstanceOf(FaceCapture.Face.class);
            return ((FaceCapture.Face) capture).embedding();
        });
    }
}
