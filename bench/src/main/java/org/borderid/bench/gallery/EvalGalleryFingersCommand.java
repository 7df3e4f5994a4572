package org.borderid.bench.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;

/**
 * {@code borderid eval gallery-fingers --distractors FILE [--count N] [--rescored LIST] [--cache DIR] [--threads N]
 * [--template-cache-mb M] [--json FILE]}.
 */
public final class EvalGalleryFingersCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid eval gallery-fingers --distractors FILE [options]
              --distractors FILE     template file of distractor fingers (TemplateFile format); missing or short
                                     files are filled with synthetic FLOW_LINES distractors (seed 7)
              --count N              distractors to enrol (default: 100000)
              --rescored LIST        re-scoring budgets per search, comma-separated counts, "default" for the
                                     gallery's rule (default: default,100,200,500,1000,2000,5000)
              --cache DIR            where galleries, extracted templates and exhaustive scores are kept
                                     (default bench/target/galleries); built once, reused
              --threads N            worker threads (default: processors)
              --template-cache-mb M  the gallery's prepared-template cache (default 2048; give the JVM more heap,
                                     BORDERID_JAVA_OPTS=-Xmx6g)
              --json FILE            write the figures as JSON
              --folds N              1 or 2 (default 2): with 1, only fingers 101-105 are enrolled (half the probes)
              --fvc-templates FILE   FVC templates from a cache file (fvc-dev-templates-*.bin) instead of the current
                                     extractor's
              --partial-exhaustive   do not scan: use the exhaustive scan's blocks already cached, and report the
                                     exhaustive row as a bound (scanned distractors + those the index re-scored)
              --exhaustive-only      only fill the cache of the exhaustive scan's blocks (run it in a second
                                     process to share the scan's work), then exit
            """;

    @Override
    public String name() {
        return "gallery-fingers";
    }

    @Override
    public String summary() {
        return "fingerprint 1:N through the gallery index vs an exhaustive scan: rank-1, FNIR@FPIR, penetration";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Path distractors = null;
        int count = 100_000;
        List<Integer> rescored = new ArrayList<>(List.of(-1, 100, 200, 500, 1000, 2000, 5000));
        Path cache = Path.of(System.getProperty("borderid.home", ".")).resolve("bench/target/galleries");
        int threads = Runtime.getRuntime().availableProcessors();
        long cacheMb = 2048;
        Path json = null;
        Path fvcTemplates = null;
        int folds = 2;
        boolean exhaustiveOnly = args.contains("--exhaustive-only");
        boolean partialExhaustive = args.contains("--partial-exhaustive");
        args = args.stream().filter(a -> !a.equals("--exhaustive-only") && !a.equals("--partial-exhaustive")).toList();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            if (v == null && !a.equals("--help")) {
                throw new UsageException(a + " needs a value");
            }
            switch (a) {
                case "--distractors" -> distractors = Path.of(v);
                case "--count" -> count = Integer.parseInt(v);
                case "--rescored" -> {
                    rescored.clear();
                    for (String s : v.split(",")) {
                        rescored.add(s.equals("default") ? -1 : Integer.parseInt(s));
                    }
                }
                case "--cache" -> cache = Path.of(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--template-cache-mb" -> cacheMb = Long.parseLong(v);
                case "--json" -> json = Path.of(v);
                case "--fvc-templates" -> fvcTemplates = Path.of(v);
                case "--folds" -> folds = Integer.parseInt(v);
                default -> throw new UsageException("unknown option " + a);
            }
            i++;
        }
        if (folds < 1 || folds > 2) {
            throw new UsageException("--folds must be 1 or 2");
        }
        if (distractors == null) {
            throw new UsageException("--distractors FILE is required");
        }
        GalleryBenchData.ensureDistractors(distractors, count);
        Files.createDirectories(cache);
        FingerIdentificationEval eval = new FingerIdentificationEval(new FingerIdentificationEval.Options(cache,
                distractors, count, threads, rescored, cacheMb << 20, partialExhaustive,
                fvcTemplates, folds), err::println);
        if (exhaustiveOnly) {
            eval.exhaustiveOnly();
            return 0;
        }
        FingerIdentificationEval.Report report = eval.run();
        print(report, out);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            err.println("wrote " + json);
        }
        return 0;
    }

    static void print(FingerIdentificationEval.Report r, PrintStream out) {
        out.printf(Locale.ROOT, "gallery: %,d synthetic distractors + 40 FVC fingers per fold (%d folds); probes: %d"
                + " mated, %d non-mated; %d captures refused by the extractor; exhaustive scan over %,d distractors%n",
                r.distractors(), r.folds(), r.matedProbes(), r.nonMatedProbes(), r.refusedCaptures(),
                r.exhaustiveScanned());
        out.printf(Locale.ROOT, "%-42s %8s %14s %10s %12s %11s %11s%n", "system", "rank-1", "FNIR@FPIR=1e-2",
                "list hit", "penetration", "cpu ms p50", "cpu ms p99");
        for (FingerIdentificationEval.Figures f : r.systems()) {
            out.printf(Locale.ROOT, "%-42s %8.4f %14.4f %10.4f %11.3f%% %11.1f %11.1f%n", f.system(), f.rank1(),
                    f.fnirAtFpir(), f.listHitRate(), 100 * f.penetration(), f.medianCpuMs(), f.p99CpuMs());
        }
    }
}
