package org.borderid.bench.jmh.face;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.face.FaceBenchData;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.engine.Embedder;
import org.borderid.face.engine.ModelFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Face speed, single thread ({@code Core.setNumThreads(1)}, OpenCV DNN CPU backend): the whole capture (decode,
 * detect, select, align, assess, embed) of a 250×250 LFW JPEG, and the embedding alone on an aligned 112×112 crop,
 * with and without flip averaging. Each call takes the next of 64 seeded LFW images. Sample mode reports the median
 * (p0.50). Target: pipeline median ≤ 15 ms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public class FaceBenchmark {
    @Param({"false", "true"})
    public boolean flip;

    private FaceEngine engine;
    private Embedder embedder;
    private byte[][] images;
    private List<Mat> decoded;
    private List<Mat> aligned;
    private int nextImage;
    private int nextCrop;

    @Setup(Level.Trial)
    public void setUp() {
        OpenCvNatives.ensureLoaded();
        Core.setNumThreads(1);
        FaceEngineConfig config = FaceBenchData.defaultConfig().withFlipAveraging(flip);
        engine = FaceEngine.open(config);
        List<byte[]> encoded = FaceBenchmarkData.encoded();
        images = encoded.toArray(byte[][]::new);
        decoded = FaceBenchmarkData.decoded(encoded);
        aligned = FaceBenchmarkData.aligned(decoded, FaceBenchmarkData.detector(config), config);
        embedder = new Embedder(config.embedder(),
                ModelFile.read(config.embedder().file(), config.embedder().sha256(), "face embedding"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        FaceBenchmarkData.release(decoded);
        FaceBenchmarkData.release(aligned);
        engine.close();
    }

    /** Decode + detect + align + quality + embed of one 250×250 JPEG. */
    @Benchmark
    public FaceCapture pipeline() {
        byte[] image = images[nextImage];
        nextImage = nextImage + 1 == images.length ? 0 : nextImage + 1;
        return engine.capture(image);
    }

    /** The embedding network alone on an aligned crop (twice with flip averaging). */
    @Benchmark
    public float[] embedding() {
        Mat crop = aligned.get(nextCrop);
        nextCrop = nextCrop + 1 == aligned.size() ? 0 : nextCrop + 1;
        return embedder.embed(crop, flip);
    }
}
