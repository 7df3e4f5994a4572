package org.borderid.bench.eval.finger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Probe;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.fixtures.fvc.FvcPair;
import org.borderid.image.GrayImage;

/**
 * The harness's speed figures, single-threaded on the calling thread, meant to run after the parallel pass over the
 * same database has run the code paths dozens of times (JIT warm). Each is taken by wall clock (the headline figure)
 * and by the thread's CPU time, which other load on the machine does not inflate (it leaves out GC and JIT threads, so
 * it reads slightly faster than a quiet wall clock). JMH remains the reference for speed claims.
 */
final class SpeedMeter {
    /**
     * Images per database whose extraction is timed, evenly spaced over it (unit: images). 40 keeps the median's
     * sampling error small while costing at most half of the extraction pass again.
     */
    static final int TIMED_EXTRACTIONS = 40;
    /**
     * Minimum comparison timing per database and system, nanoseconds (1 s: timer resolution and a stray GC pause stay
     * well below 1%); whole passes over the pairs are repeated until it is reached.
     */
    static final long COMPARISON_TIMING_NANOS = 1_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Keeps the timed comparisons' results observable so that the JIT cannot drop them. */
    @SuppressWarnings("unused")
    private static volatile double blackhole;

    private SpeedMeter() {}

    /** A figure by wall clock and by thread CPU time; NaN when not measured. */
    record Speed(double wall, double cpu) {
        static final Speed NONE = new Speed(Double.NaN, Double.NaN);
    }

    /** Median milliseconds per extraction over {@link #TIMED_EXTRACTIONS} evenly spaced images. */
    static Speed extractionMs(FingerprintSystem system, DecodedDatabase db) {
        int n = db.size();
        int samples = Math.min(TIMED_EXTRACTIONS, n);
        double[] wall = new double[samples];
        double[] cpu = new double[samples];
        int timed = 0;
        for (int s = 0; s < samples; s++) {
            GrayImage image = db.image((int) ((long) s * n / samples));
            if (image == null) {
                continue;
            }
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            try {
                system.extract(image, db.dpi());
            } catch (UnsupportedOperationException e) {
                throw e;
            } catch (RuntimeException e) {
                continue; // counted and reported by the extraction pass
            }
            wall[timed] = (System.nanoTime() - t0) / 1e6;
            cpu[timed] = c0 < 0 ? Double.NaN : (cpuNanos() - c0) / 1e6;
            timed++;
        }
        return new Speed(median(Arrays.copyOf(wall, timed)), median(Arrays.copyOf(cpu, timed)));
    }

    /**
     * 1:1 comparisons per second over every pair whose templates both exist, probes prepared beforehand (outside the
     * timing), candidates as the scoring pass left them.
     */
    static Speed comparisonsPerSecond(FingerprintSystem system, List<FvcPair> pairs, Template[] templates) {
        List<FvcPair> compared = pairs.stream()
                .filter(p -> templates[p.probe()] != null && templates[p.candidate()] != null).toList();
        if (compared.isEmpty()) {
            return Speed.NONE;
        }
        Probe[] probes = new Probe[templates.length];
        for (FvcPair pair : compared) {
            if (probes[pair.probe()] == null) {
                probes[pair.probe()] = system.prepare(templates[pair.probe()]);
            }
        }
        long comparisons = 0;
        double sink = 0;
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        long elapsed;
        do {
            for (FvcPair pair : compared) {
                sink += probes[pair.probe()].match(templates[pair.candidate()]);
            }
            comparisons += compared.size();
            elapsed = System.nanoTime() - t0;
        } while (elapsed < COMPARISON_TIMING_NANOS);
        long cpu = c0 < 0 ? -1 : cpuNanos() - c0;
        blackhole = sink;
        return new Speed(comparisons / (elapsed / 1e9), cpu <= 0 ? Double.NaN : comparisons / (cpu / 1e9));
    }

    /** The current thread's CPU time, nanoseconds, or -1 where the JVM cannot tell. */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
