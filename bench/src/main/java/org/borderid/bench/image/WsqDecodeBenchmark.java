package org.borderid.bench.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.borderid.image.GrayImage;
import org.borderid.image.ImageLimits;
import org.borderid.image.engine.WsqDecoder;
import org.jnbis.api.Jnbis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WSQ decoding time: BorderID's decoder against JNBIS (the Java port of NIST's decoder that SourceAFIS uses), on the
 * 832 × 768 SourceAFIS sample ({@code $BORDERID_SHARED/data/fingerprints/sourceafis-testres/wsq-original.wsq}).
 * The setup checks that both decoders give the same pixels before timing anything.
 *
 * <p>Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package} then
 * {@code java --add-modules jdk.incubator.vector -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main
 * WsqDecodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WsqDecodeBenchmark {
    @Param({"borderid", "jnbis"})
    public String decoder;

    private byte[] wsq;

    @Setup
    public void load() {
        String shared = System.getenv("BORDERID_SHARED");
        Path root = Path.of(shared != null && !shared.isBlank() ? shared : "../shared");
        try {
            wsq = Files.readAllBytes(root.resolve("data/fingerprints/sourceafis-testres/wsq-original.wsq"));
        } catch (IOException e) {
            throw new UncheckedIOException("set BORDERID_SHARED to the shared data folder", e);
        }
        GrayImage ours = WsqDecoder.decode(wsq, ImageLimits.DEFAULT);
        byte[] theirs = Jnbis.wsq().decode(wsq).asBitmap().getPixels();
        if (!Arrays.equals(ours.pixels(), theirs)) {
            throw new IllegalStateException("BorderID and JNBIS decode the sample differently");
        }
    }

    @Benchmark
    public Object decode() {
        return decoder.equals("borderid") ? WsqDecoder.decode(wsq, ImageLimits.DEFAULT)
                : Jnbis.wsq().decode(wsq).asBitmap();
    }
}
