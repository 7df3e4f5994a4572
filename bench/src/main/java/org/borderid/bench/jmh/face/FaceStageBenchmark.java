package org.borderid.bench.jmh.face;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.face.FaceBenchData;
import org.borderid.face.FaceEngineConfig;
import org.borderid.face.engine.Detection;
import org.borderid.face.engine.YuNetDetector;
import org.borderid.image.ImageLimits;
import org.borderid.image.engine.OpenCvImageDecoder;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.borderid.opencv.OpenCvNatives;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * The pipeline's other stages alone, single thread, on the same 64 seeded LFW images as {@link FaceBenchmark}: JPEG
 * decoding to BGR and YuNet detection on the decoded 250×250 image.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Thread)
public class FaceStageBenchmark {
    private YuNetDetector detector;
    private byte[][] images;
    private List<Mat> decoded;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        OpenCvNatives.ensureLoaded();
        Core.setNumThreads(1);
        FaceEngineConfig config = FaceBenchData.defaultConfig();
        List<byte[]> encoded = FaceBenchmarkData.encoded();
        images = encoded.toArray(byte[][]::new);
        decoded = FaceBenchmarkData.decoded(encoded);
        detector = FaceBenchmarkData.detector(config);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        FaceBenchmarkData.release(decoded);
    }

    private int advance() {
        int i = next;
        next = next + 1 == images.length ? 0 : next + 1;
        return i;
    }

    /** JPEG bytes to an 8-bit BGR image (header check included). */
    @Benchmark
    public int decode() {
        Mat m = OpenCvImageDecoder.decode(images[advance()], ImageLimits.DEFAULT, true);
        int rows = m.rows();
        m.release();
        return rows;
    }

    /** YuNet on a decoded 250×250 image. */
    @Benchmark
    public List<Detection> detect() {
        return detector.detect(decoded.get(advance()));
    }
}
