package org.borderid.bench.jmh.kiosk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.borderid.OperatingPoint;
import org.borderid.bench.face.FaceBenchData;
import org.borderid.bench.jmh.QuickMode;
import org.borderid.face.FaceEngine;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.image.ImageLimits;
import org.borderid.opencv.OpenCvNatives;
import org.borderid.server.service.Captures;
import org.borderid.server.service.Decision;
import org.borderid.server.service.DecisionPolicy;
import org.borderid.server.service.Engines;
import org.borderid.server.service.FaceGate;
import org.borderid.server.service.FingerCapture;
import org.borderid.server.service.FingerReader;
import org.borderid.server.service.ProbeFeatures;
import org.borderid.server.service.ProbeReader;
import org.borderid.server.service.Reference;
import org.borderid.server.service.ScoreScale;
import org.borderid.server.service.Subject;
import org.borderid.server.service.VerificationService;
import org.borderid.server.service.VerifyCommand;
import org.borderid.server.service.VerifyResult;
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
import org.openjdk.jmh.infra.ThreadParams;
import org.opencv.core.Core;

/**
 * A whole checkpoint transaction, in-process, as concurrent kiosks grow: the server's own
 * {@link VerificationService#verify} for a claimed subject (no HTTP) — decode, detect and embed the live face and
 * compare it with the enrolled embedding; decode and extract two live fingers and match each against the enrolled
 * template; fuse the three scores and decide.
 *
 * <p>Each benchmark thread is one kiosk in a closed loop; {@link #oneKiosk}, {@link #twoKiosks} and
 * {@link #fourKiosks} run 1, 2 and 4 of them against one shared service (one face engine with a worker per kiosk,
 * OpenCV single-threaded per capture, as a server sets it). Sample mode gives each transaction's time; throughput is
 * kiosks / mean time ({@code bench-report} derives it).
 *
 * <p>The transactions are the genuine live captures of {@link KioskData} whose three captures are all usable (checked
 * once in the setup, which prints the decisions), cycled in order, each kiosk starting at a different one.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class KioskTransactionBenchmark {
    /** Most concurrent kiosks measured: the face engine gets one worker each. */
    static final int MAX_KIOSKS = 4;
    /** Fewest usable transactions for a meaningful cycle. */
    static final int MIN_TRANSACTIONS = 10;

    /** The checkpoint node: engines, enrolled travellers, the verification service and the transactions. */
    @State(Scope.Benchmark)
    public static class Checkpoint {
        private FaceEngine faces;
        VerificationService service;
        VerifyCommand[] transactions;

        @Setup(Level.Trial)
        public void setUp() {
            OpenCvNatives.ensureLoaded();
            Core.setNumThreads(1);
            faces = FaceEngine.open(FaceBenchData.defaultConfig().withMaxConcurrency(MAX_KIOSKS));
            Engines engines = new Engines(new FingerReader(new FingerprintExtractor(), ImageLimits.DEFAULT),
                    fingerScale());
            engines.faces(new EngineFaceReader(faces));
            EnrolledSubjects store = new EnrolledSubjects();
            engines.store(store);
            DecisionPolicy d = DecisionPolicy.DEFAULT;
            // LFW photos are web images (about 50 px between the eyes), which the kiosk gate made for live camera
            // frames refuses: the recognition gate, as the server's demo uses.
            DecisionPolicy policy = new DecisionPolicy(d.verifyTargetFmr(), d.identifyTargetFpir(),
                    d.identifyMaxCandidates(), d.identifyDefaultList(), "recognition", d.minFingerQuality(),
                    d.disagreementFmr());
            enroll(engines.probeReader(), store);
            service = new VerificationService(engines, policy);
            transactions = usable(service, policy.verifyTargetFmr());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            faces.close();
        }
    }

    /** One kiosk: where it is in the cycle of transactions. */
    @State(Scope.Thread)
    public static class Kiosk {
        int next;

        @Setup(Level.Trial)
        public void start(Checkpoint c, ThreadParams thread) {
            next = thread.getThreadIndex() * c.transactions.length / Math.max(1, thread.getThreadCount());
        }

        VerifyCommand advance(Checkpoint c) {
            VerifyCommand t = c.transactions[next];
            next = next + 1 == c.transactions.length ? 0 : next + 1;
            return t;
        }
    }

    @Benchmark
    @Threads(1)
    public VerifyResult oneKiosk(Checkpoint c, Kiosk k) {
        return c.service.verify(k.advance(c));
    }

    @Benchmark
    @Threads(2)
    public VerifyResult twoKiosks(Checkpoint c, Kiosk k) {
        return c.service.verify(k.advance(c));
    }

    @Benchmark
    @Threads(MAX_KIOSKS)
    public VerifyResult fourKiosks(Checkpoint c, Kiosk k) {
        return c.service.verify(k.advance(c));
    }

    /** Enrolls each traveller's reference captures the way the server reads an enrollment. */
    private static void enroll(ProbeReader reader, EnrolledSubjects store) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (KioskData.Traveller t : KioskData.TRAVELLERS) {
            ProbeFeatures reference = reader.read(captures(t, KioskData.ENROLLED), ProbeReader.Mode.REFERENCE,
                    FaceGate.RECOGNITION, 0);
            Reference r = Reference.of(reference);
            store.enroll(new Subject(t.id(), "bench", List.of("registered"), Map.of(), r.face(), r.fingers(), now,
                    now));
        }
    }

    /** The live transactions whose three captures are all usable, after checking each once. */
    private static VerifyCommand[] usable(VerificationService service, double targetFmr) {
        List<VerifyCommand> usable = new ArrayList<>();
        Map<Decision, Integer> decisions = new TreeMap<>();
        for (int[] live : KioskData.live()) {
            if (QuickMode.on() && usable.size() >= MIN_TRANSACTIONS) {
                break; // quick mode: enough to cycle through, without checking every capture
            }
            KioskData.Traveller t = KioskData.TRAVELLERS.get(live[0]);
            VerifyCommand command = new VerifyCommand(t.id(), null, captures(t, live[1]), targetFmr);
            VerifyResult result = service.verify(command);
            long compared = result.modalities().stream().filter(m -> m.compared()).count();
            if (compared == 3) {
                usable.add(command);
                decisions.merge(result.decision(), 1, Integer::sum);
            }
        }
        System.out.printf("kiosk transactions: %d of %d with all three captures usable; decisions %s%n",
                usable.size(), KioskData.live().size(), decisions);
        if (usable.size() < MIN_TRANSACTIONS) {
            throw new IllegalStateException("only " + usable.size() + " usable kiosk transactions (need "
                    + MIN_TRANSACTIONS + ")");
        }
        return usable.toArray(VerifyCommand[]::new);
    }

    private static Captures captures(KioskData.Traveller t, int n) {
        return new Captures("face", KioskData.face(t, n), List.of(
                new FingerCapture("fingers[0]", KioskData.FIRST, KioskData.finger(t.firstFinger(), n),
                        FingerprintImage.DEFAULT_DPI, null),
                new FingerCapture("fingers[1]", KioskData.SECOND, KioskData.finger(t.secondFinger(), n),
                        FingerprintImage.DEFAULT_DPI, null)));
    }

    /**
     * The fingerprint matcher's calibrated thresholds as an evidence scale, as the server builds it
     * ({@code BorderIdServer.fingerScale}, package-private there).
     */
    private static ScoreScale fingerScale() {
        Map<OperatingPoint, Double> t = new EnumMap<>(OperatingPoint.class);
        for (OperatingPoint p : OperatingPoint.values()) {
            t.put(p, FingerprintMatcher.threshold(p));
        }
        return ScoreScale.of(t);
    }
}
