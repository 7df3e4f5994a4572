package org.borderid.bench.jmh.finger;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Probe;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.bench.finger.FingerprintSystems;
import org.borderid.bench.jmh.QuickMode;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcPair;
import org.borderid.image.GrayImage;
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
 * 1:1 fingerprint comparison throughput, BorderID vs SourceAFIS, over the FVC pairs of a database (FVC2002 DB1_B:
 * 280 genuine and 2,880 impostor pairs in seeded order, the harness's mix):
 * <ul>
 *   <li>{@link #preparedProbe}: the probe prepared once beforehand (verification against a stored reference, or the
 *       inner loop of 1:N), the figure the harness reports as comparisons per second;</li>
 *   <li>{@link #freshCheck}: a one-off 1:1 check of two templates that have never been compared (a live capture
 *       against the template read from a passport): both start from {@link FingerprintSystem#fresh} copies, so
 *       preparation caches filled by earlier iterations do not hide work (BorderID prepares both sides, SourceAFIS
 *       builds the probe's index).</li>
 * </ul>
 * Templates are extracted in the trial setup, outside the measurement. Pairs whose extraction failed are skipped.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class FingerprintComparisonBenchmark {
    @Param({"borderid", "sourceafis"})
    public String system;

    @Param({"fvc2002/DB1_B"})
    public String database;

    @Param({"500"})
    public double dpi;

    private FingerprintSystem impl;
    private Template[] probeTemplates;
    private Probe[] probes;
    private Template[] candidates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        impl = FingerprintSystems.named(system);
        FvcDatabase db = FingerprintBenchmarkData.open(database, dpi);
        List<GrayImage> images = FingerprintBenchmarkData.imagesInOrder(db);
        Template[] templates = new Template[images.size()];
        Probe[] prepared = new Probe[images.size()];
        for (int i = 0; i < QuickMode.inputs(templates.length); i++) { // quick mode: the first images only
            templates[i] = FingerprintBenchmarkData.template(impl, images.get(i), dpi);
            prepared[i] = templates[i] == null ? null : impl.prepare(templates[i]);
        }
        List<FvcPair> pairs = FingerprintBenchmarkData.shuffledPairs(db).stream()
                .filter(p -> templates[p.probe()] != null && templates[p.candidate()] != null).toList();
        if (pairs.isEmpty()) {
            throw new IllegalStateException(system + " extracted too few templates to compare");
        }
        probeTemplates = new Template[pairs.size()];
        probes = new Probe[pairs.size()];
        candidates = new Template[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            probeTemplates[i] = templates[pairs.get(i).probe()];
            probes[i] = prepared[pairs.get(i).probe()];
            candidates[i] = templates[pairs.get(i).candidate()];
        }
    }

    private int advance() {
        int i = next;
        next = i + 1 == probes.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public double preparedProbe() {
        int i = advance();
        return probes[i].match(candidates[i]);
    }

    @Benchmark
    public double freshCheck() {
        int i = advance();
        return impl.prepare(impl.fresh(probeTemplates[i])).match(impl.fresh(candidates[i]));
    }
}
