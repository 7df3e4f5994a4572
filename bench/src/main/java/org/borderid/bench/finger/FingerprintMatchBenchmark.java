package org.borderid.bench.finger;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.standard.FingerMinutiaeRecord;
import org.borderid.image.GrayImage;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1:1 fingerprint comparison speed, one thread: BorderID against SourceAFIS 3.18.1 on the 80 FVC2002 DB1 set B
 * templates, cycling through all 6,320 ordered pairs (genuine and impostor in their natural mix).
 *
 * <ul>
 *   <li>{@code prepared}: the probe's matcher is built once and reused, as when one probe is compared with many
 *       candidates (1:N re-scoring, a gallery scan). The candidates are ready templates (BorderID's cache their
 *       matching structures after first use; SourceAFIS templates are built at deserialization).</li>
 *   <li>{@code fresh}: a whole 1:1 check, {@code new FingerprintMatcher(probe).match(candidate)}, including the probe's
 *       preparation: BorderID decodes a new template object from its bytes each time, so nothing is cached.</li>
 * </ul>
 *
 * <p>{@code source=iso} (default): both systems read the same ISO/IEC 19794-2 files ({@code DB1_B/*.iso}), so only
 * the matchers differ. {@code source=extracted}: each system's own extractor on the TIFFs.
 *
 * <p>Run: {@code ./mvnw -q -B -pl bench -am -DskipTests package} then
 * {@code java --add-modules jdk.incubator.vector -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main
 * FingerprintMatchBenchmark} (add {@code -p source=extracted} for extracted templates).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Threads(1)
public class FingerprintMatchBenchmark {
    private static final int TEMPLATES = 80;

    @Param({"borderid", "sourceafis"})
    public String system;

    @Param({"iso"})
    public String source;

    private final List<FingerprintTemplate> ours = new ArrayList<>();
    private final List<byte[]> ourBytes = new ArrayList<>();
    private final List<com.machinezoo.sourceafis.FingerprintTemplate> theirs = new ArrayList<>();
    private final List<FingerprintMatcher> ourMatchers = new ArrayList<>();
    private final List<com.machinezoo.sourceafis.FingerprintMatcher> theirMatchers = new ArrayList<>();
    private int probe;
    private int candidate = 1;

    @Setup
    public void load() {
        String shared = System.getenv("BORDERID_SHARED");
        Path db = Path.of(shared != null && !shared.isBlank() ? shared : "../shared")
                .resolve("data/fingerprints/fvc2002/DB1_B");
        try {
            for (int finger = 101; finger <= 110; finger++) {
                for (int impression = 1; impression <= 8; impression++) {
                    String name = finger + "_" + impression;
                    if (source.equals("iso")) {
                        byte[] iso = Files.readAllBytes(db.resolve(name + ".iso"));
                        FingerMinutiaeRecord record = FingerMinutiaeRecord.read(iso);
                        ours.add(record.toTemplate(record.views().get(0)));
                        theirs.add(FingerprintCompatibility.importTemplate(iso));
                    } else {
                        byte[] tif = Files.readAllBytes(db.resolve(name + ".tif"));
                        ours.add(extract(tif));
                        GrayImage gray = FingerprintImage.decode(tif, 500).gray();
                        theirs.add(new com.machinezoo.sourceafis.FingerprintTemplate(
                                new com.machinezoo.sourceafis.FingerprintImage(gray.width(), gray.height(),
                                        gray.pixels(), new com.machinezoo.sourceafis.FingerprintImageOptions().dpi(500))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("set BORDERID_SHARED to the shared data folder", e);
        }
        for (int i = 0; i < TEMPLATES; i++) {
            ourBytes.add(ours.get(i).toByteArray());
            ourMatchers.add(new FingerprintMatcher(ours.get(i)));
            theirMatchers.add(new com.machinezoo.sourceafis.FingerprintMatcher(theirs.get(i)));
        }
        for (int i = 0; i < TEMPLATES; i++) { // warm every template's cache: candidates are ready templates
            ourMatchers.get(0).match(ours.get(i));
        }
    }

    private static FingerprintTemplate extract(byte[] tif) {
        FingerprintExtraction extraction = new FingerprintExtractor().extract(FingerprintImage.decode(tif, 500));
        if (extraction instanceof FingerprintExtraction.Extracted e) {
            return e.template();
        }
        throw new IllegalStateException("extraction failed: " + extraction);
    }

    /** Advances to the next ordered pair (probe, candidate), probe ≠ candidate. */
    private void next() {
        if (++candidate == probe) {
            candidate++;
        }
        if (candidate >= TEMPLATES) {
            probe = (probe + 1) % TEMPLATES;
            candidate = probe == 0 ? 1 : 0;
        }
    }

    @Benchmark
    public double prepared() {
        next();
        return system.equals("borderid") ? ourMatchers.get(probe).match(ours.get(candidate))
                : theirMatchers.get(probe).match(theirs.get(candidate));
    }

    @Benchmark
    public double fresh() {
        next();
        if (system.equals("borderid")) {
            FingerprintTemplate template = FingerprintTemplate.fromByteArray(ourBytes.get(probe));
            return new FingerprintMatcher(template).match(ours.get(candidate));
        }
        return new com.machinezoo.sourceafis.FingerprintMatcher(theirs.get(probe)).match(theirs.get(candidate));
    }
}
