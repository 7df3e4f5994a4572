package org.borderid.bench.jmh.face;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.face.FaceBenchData;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEmbedding;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceMatcher;
import org.borderid.face.FaceScore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1:1 face comparison throughput: a {@link FaceMatcher} prepared on one embedding compares another (cosine and the
 * calibrated operating points), over every pair of the embeddings of the 64 seeded LFW images of {@link FaceBenchmark}
 * in seeded order. The embeddings are computed in the setup; this is the comparison alone, what a face 1:1 verification
 * adds to the two captures and what an exhaustive 1:N face search pays per gallery entry. (SourceAFIS has no face
 * engine, so there is no peer here.)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class FaceComparisonBenchmark {
    private FaceMatcher[] probes;
    private FaceEmbedding[] candidates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<FaceEmbedding> embeddings = new ArrayList<>();
        try (FaceEngine engine = FaceEngine.open(FaceBenchData.defaultConfig())) {
            for (byte[] image : FaceBenchmarkData.encoded()) {
                if (engine.capture(image) instanceof FaceCapture.Face face) {
                    embeddings.add(face.embedding());
                }
            }
            if (embeddings.size() < 2) {
                throw new IllegalStateException("fewer than two faces found in the benchmark images");
            }
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < embeddings.size(); i++) {
                for (int j = i + 1; j < embeddings.size(); j++) {
                    pairs.add(new int[] {i, j});
                }
            }
            Collections.shuffle(pairs, new Random(FaceBenchmarkData.SEED));
            probes = new FaceMatcher[pairs.size()];
            candidates = new FaceEmbedding[pairs.size()];
            List<FaceMatcher> matchers = embeddings.stream().map(engine::matcher).toList();
            for (int k = 0; k < pairs.size(); k++) {
                probes[k] = matchers.get(pairs.get(k)[0]);
                candidates[k] = embeddings.get(pairs.get(k)[1]);
            }
        }
    }

    @Benchmark
    public FaceScore preparedProbe() {
        int i = next;
        next = i + 1 == probes.length ? 0 : i + 1;
        return probes[i].match(candidates[i]);
    }
}
