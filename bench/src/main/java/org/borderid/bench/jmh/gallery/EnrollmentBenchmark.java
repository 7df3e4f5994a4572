package org.borderid.bench.jmh.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.borderid.bench.jmh.QuickMode;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.SubjectRecord;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Enrollment rate: subjects with a face and ten fingers (templates ready: extraction is measured by the fingerprint
 * and face benchmarks) enrolled one by one into a gallery, each durable when {@link Gallery#enroll} returns (fsynced
 * in the journal; concurrent writers share fsyncs), while the gallery indexes in the background. {@link #oneWriter}
 * is a single enrollment station; {@link #fourWriters} four at once (group commit).
 *
 * <p>Each trial starts from an empty gallery in a temporary folder (deleted afterwards), so later iterations enroll
 * into a growing gallery of up to tens of thousands of subjects. Records cycle through {@value #POOL} synthetic
 * subjects generated in the setup, each enrolled under a new id.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class EnrollmentBenchmark {
    /** Distinct synthetic subjects the enrollments cycle through. */
    static final int POOL = 2_000;

    private Path folder;
    private Gallery gallery;
    private SubjectRecord[] pool;
    private final AtomicLong enrolled = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SyntheticSubjects subjects = new SyntheticSubjects(IdentificationBenchmark.SEED,
                SyntheticSubjects.TEN_FINGERS);
        pool = LongStream.range(0, QuickMode.on() ? QuickMode.INPUTS : POOL).parallel().mapToObj(subjects::enrolled)
                .toArray(SubjectRecord[]::new);
        Path root = GalleryCache.standard().root();
        Files.createDirectories(root);
        folder = Files.createTempDirectory(root, "enrollment-");
        gallery = Gallery.open(folder, GalleryConfig.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gallery.close();
        try {
            GalleryCache.deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SubjectRecord next() {
        long n = enrolled.getAndIncrement();
        SubjectRecord r = pool[(int) (n % pool.length)];
        return new SubjectRecord("e" + n, r.agency(), r.lists(), r.attributes(), r.face(), r.fingers());
    }

    @Benchmark
    @Threads(1)
    public SubjectRecord oneWriter() {
        SubjectRecord r = next();
        gallery.enroll(r);
        return r;
    }

    @Benchmark
    @Threads(4)
    public SubjectRecord fourWriters() {
        SubjectRecord r = next();
        gallery.enroll(r);
        return r;
    }
}
