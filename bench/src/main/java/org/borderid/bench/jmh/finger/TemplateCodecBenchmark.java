package org.borderid.bench.jmh.finger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.bench.finger.FingerprintSystems;
import org.borderid.bench.jmh.QuickMode;
import org.borderid.image.GrayImage;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Template serialization, BorderID vs SourceAFIS, each in its own format (BorderID: the versioned, CRC-checked binary
 * format of {@code FingerprintTemplate.toByteArray}; SourceAFIS: its CBOR): {@link #encode} a template to bytes and
 * {@link #decode} bytes to a template (checks included), cycling through the templates of the 80 images of FVC2002
 * DB1_B in seeded order. Decoding is what a gallery pays to load a record and a kiosk to read a chip's template.
 *
 * <p>The {@code bytes} counter adds the encoded size of each template handled, so {@code bytes / score} is the mean
 * template size in bytes (the report prints it).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class TemplateCodecBenchmark {
    @Param({"borderid", "sourceafis"})
    public String system;

    @Param({"fvc2002/DB1_B"})
    public String database;

    @Param({"500"})
    public double dpi;

    private FingerprintSystem impl;
    private Template[] templates;
    private byte[][] encoded;
    private int next;

    /** Encoded bytes handled, per second of measurement. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Size {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        impl = FingerprintSystems.named(system);
        List<Template> list = new ArrayList<>();
        List<GrayImage> images = FingerprintBenchmarkData.shuffledImages(database, dpi);
        for (GrayImage image : images.subList(0, QuickMode.inputs(images.size()))) {
            Template t = FingerprintBenchmarkData.template(impl, image, dpi);
            if (t != null) {
                list.add(t);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(system + " extracted no template from " + database);
        }
        templates = list.toArray(Template[]::new);
        encoded = new byte[templates.length][];
        for (int i = 0; i < templates.length; i++) {
            encoded[i] = impl.encode(templates[i]);
        }
    }

    private int advance() {
        int i = next;
        next = i + 1 == templates.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public byte[] encode(Size size) {
        byte[] bytes = impl.encode(templates[advance()]);
        size.bytes += bytes.length;
        return bytes;
    }

    @Benchmark
    public Template decode(Size size) {
        byte[] bytes = encoded[advance()];
        size.bytes += bytes.length;
        return impl.decode(bytes);
    }
}
