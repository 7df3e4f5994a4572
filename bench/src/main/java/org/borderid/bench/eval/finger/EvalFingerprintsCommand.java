package org.borderid.bench.eval.finger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.borderid.bench.BenchData;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystems;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.finger.FingerprintImage;
import org.borderid.fixtures.fvc.FvcDatabase;

/**
 * {@code borderid eval fingerprints <DB folder>[:dpi] ... [--json FILE] [--markdown FILE] [--plot FILE.svg|.png]
 * [--systems a,b] [--threads N] [--calibrate FILE] [--no-timing]}.
 */
public final class EvalFingerprintsCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid eval fingerprints <DB folder>[:dpi] ... [options]
              DB folder        FVC layout: <finger>_<impression>.tif|png|bmp|jpg|wsq; :dpi sets its resolution
                               (default 500; FVC2002 DB2 is :569). A relative folder that does not exist is also
                               looked up under $BORDERID_SHARED/data/fingerprints (e.g. fvc2002/DB1_B).
              --systems LIST   comma-separated, default borderid,sourceafis
              --threads N      worker threads for extraction and scoring (default: available processors)
              --json FILE      write the figures as JSON
              --plot FILE      write the DET plot, .svg or .png (repeatable)
              --markdown FILE  write the table as Markdown (for the docs)
              --calibrate FILE also score cross-database impostors and write the thresholds for FMR 1e-2/1e-3/1e-4
              --no-timing      skip the single-threaded speed measurements (extract ms and cmp/s become '-')
            """;

    @Override
    public String name() {
        return "fingerprints";
    }

    @Override
    public String summary() {
        return "FVC-protocol accuracy of BorderID and SourceAFIS: EER, FNMR@FMR, FTE, speed, DET plot";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Arguments a = Arguments.parse(args);
        List<FvcDatabase> databases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : a.databases()) {
            FvcDatabase db = openDatabase(spec);
            if (!names.add(db.name())) {
                throw new UsageException("database " + db.name() + " given twice (names are the folder's last two "
                        + "path components and must be distinct)");
            }
            databases.add(db);
        }
        FingerprintReport report = new FingerprintEvaluation(
                new FingerprintEvaluation.Options(a.systems(), a.threads(), a.timing(), a.calibrate() != null),
                err::println).run(databases);
        ReportTable.print(report, out);
        if (a.json() != null) {
            write(a.json(), ReportJson.write(report));
            err.println("wrote " + a.json());
        }
        if (a.markdown() != null) {
            write(a.markdown(), ReportTable.markdown(report));
            err.println("wrote " + a.markdown());
        }
        if (a.calibrate() != null) {
            write(a.calibrate(), ReportJson.writeCalibration(report));
            err.println("wrote " + a.calibrate());
        }
        for (Path plot : a.plots()) {
            DetFigure.write(report, plot);
            err.println("wrote " + plot);
        }
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Opens {@code folder[:dpi]}; a relative folder that does not exist is looked up in the shared data too. */
    static FvcDatabase openDatabase(String spec) {
        String folder = spec;
        double dpi = FvcDatabase.DEFAULT_DPI;
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && spec.substring(colon + 1).matches("\\d+(\\.\\d+)?")) {
            folder = spec.substring(0, colon);
            dpi = Double.parseDouble(spec.substring(colon + 1));
            if (dpi < FingerprintImage.MIN_DPI || dpi > FingerprintImage.MAX_DPI) {
                throw new UsageException("resolution of " + folder + " must be " + (int) FingerprintImage.MIN_DPI
                        + ".." + (int) FingerprintImage.MAX_DPI + " dpi, got " + spec.substring(colon + 1));
            }
        }
        Path path = Path.of(folder);
        if (!Files.isDirectory(path) && !path.isAbsolute()) {
            Path shared = BenchData.fingerprints().resolve(folder);
            if (Files.isDirectory(shared)) {
                path = shared;
            }
        }
        return FvcDatabase.scan(path, dpi);
    }

    /** Parsed command-line arguments. */
    record Arguments(List<String> databases, List<FingerprintSystem> systems, int threads, Path json,
            Path markdown, List<Path> plots, Path calibrate, boolean timing) {

        static Arguments parse(List<String> args) {
            List<String> databases = new ArrayList<>();
            List<FingerprintSystem> systems = null;
            int threads = Runtime.getRuntime().availableProcessors();
            Path json = null;
            Path markdown = null;
            List<Path> plots = new ArrayList<>();
            Path calibrate = null;
            boolean timing = true;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--systems" -> systems = systems(value(args, ++i, arg));
                    case "--threads" -> threads = threads(value(args, ++i, arg));
                    case "--json" -> json = Path.of(value(args, ++i, arg));
                    case "--markdown" -> markdown = Path.of(value(args, ++i, arg));
                    case "--plot" -> plots.add(plot(value(args, ++i, arg)));
                    case "--calibrate" -> calibrate = Path.of(value(args, ++i, arg));
                    case "--no-timing" -> timing = false;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException("unknown option " + arg + "\n" + USAGE);
                        }
                        databases.add(arg);
                    }
                }
            }
            if (databases.isEmpty()) {
                throw new UsageException("no database folder given\n" + USAGE);
            }
            if (systems == null) {
                systems = systems(String.join(",", FingerprintSystems.NAMES));
            }
            return new Arguments(databases, systems, threads, json, markdown, plots, calibrate, timing);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(i);
        }

        private static List<FingerprintSystem> systems(String list) {
            List<FingerprintSystem> systems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : list.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (trimmed.isEmpty() || !seen.add(trimmed)) {
                    throw new UsageException("--systems: empty or repeated name in '" + list + "'");
                }
                try {
                    systems.add(FingerprintSystems.named(trimmed));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--systems: " + e.getMessage());
                }
            }
            return systems;
        }

        private static int threads(String value) {
            try {
                int threads = Integer.parseInt(value);
                if (threads >= 1 && threads <= 1024) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // fall through to the usage error
            }
            throw new UsageException("--threads needs a whole number 1..1024, got '" + value + "'");
        }

        private static Path plot(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".svg") && !lower.endsWith(".png")) {
                throw new UsageException("--plot needs a .svg or .png file, got '" + value + "'");
            }
            return Path.of(value);
        }
    }
}
