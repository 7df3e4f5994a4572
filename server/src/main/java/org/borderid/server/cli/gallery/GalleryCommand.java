package org.borderid.server.cli.gallery;

import java.io.IOException;
import java.io.PrintStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.borderid.cli.CliCommand;
import org.borderid.cli.UsageException;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcImage;
import org.borderid.gallery.FaceVectorEncoding;
import org.borderid.gallery.Gallery;
import org.borderid.gallery.GalleryConfig;
import org.borderid.gallery.GalleryStatistics;
import org.borderid.gallery.SubjectRecord;

/** {@code borderid gallery load|info|verify}: bulk loading and inspection of a gallery directory. */
public final class GalleryCommand implements CliCommand {
    static final String USAGE = """
            usage: borderid gallery load <gallery> <source> [options]
                   borderid gallery info <gallery>
                   borderid gallery verify <gallery>
            sources:
              fvc <DB folder>[:dpi] ...   FVC layout folders (<finger>_<impression>.tif ...); one subject per finger,
                                          id <db>:<finger> (e.g. fvc2002:DB1_B:101), template from --impression
              templates <file>            a BorderID template file; one subject per template, id <prefix>-<n>
            options:
              --impression N      FVC impression to enrol (default 1)
              --id-prefix P       id prefix for template files (default t)
              --list NAME         list membership, repeatable (default watchlist)
              --agency NAME       owning agency (default bulk)
              --position P        finger position of the templates (default RIGHT_INDEX)
              --threads N         worker threads (default: processors)
              --batch N           subjects per enrolment batch (default: up to 256, so every thread has work)
              --optimize          merge the index into one segment afterwards (faster searches, slow)
              --face-dimension D  face embedding dimension when creating the gallery (default 128)
              --int8              8-bit face vectors when creating the gallery
            Loading skips ids already enrolled, so an interrupted load can be resumed by running it again.
            """;

    @Override
    public String name() {
        return "gallery";
    }

    @Override
    public String summary() {
        return "gallery load|info|verify: bulk-load FVC folders or template files, show sizes, check integrity";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.size() < 2) {
            throw new UsageException("missing gallery directory");
        }
        Path directory = Path.of(args.get(1));
        switch (args.get(0)) {
            case "load" -> {
                return load(directory, args.subList(2, args.size()), out, err);
            }
            case "info" -> {
                long before = usedHeapAfterGc();
                try (Gallery gallery = Gallery.open(directory, configFor(directory, List.of()).withReadOnly(true))) {
                    GalleryStatistics statistics = gallery.statistics();
                    print(statistics, out);
                    long held = usedHeapAfterGc() - before;
                    out.printf(Locale.ROOT, "heap held by the open gallery (read-only, template cache empty): %,d"
                            + " bytes, %,.0f per subject%n", held, (double) held / Math.max(1, statistics.subjects()));
                }
                return 0;
            }
            case "verify" -> {
                try (Gallery gallery = Gallery.open(directory, configFor(directory, List.of()))) {
                    List<String> damaged = gallery.verify();
                    out.println(damaged.isEmpty() ? "ok: every index file, record and template is intact"
                            : "damaged subjects: " + damaged);
                    return damaged.isEmpty() ? 0 : 1;
                }
            }
            default -> throw new UsageException("unknown gallery command '" + args.get(0) + "' (load, info, verify)");
        }
    }

    /** Heap in use after a full collection, bytes (best effort: System.gc() is a request). */
    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static int load(Path directory, List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing source (fvc or templates)");
        }
        String source = args.get(0);
        List<String> positional = new ArrayList<>();
        Set<String> lists = new TreeSet<>();
        String agency = "bulk";
        String prefix = "t";
        FingerPosition position = FingerPosition.RIGHT_INDEX;
        int impression = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        int batch = 0;
        boolean optimize = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--list" -> lists.add(value(args, ++i, a));
                case "--agency" -> agency = value(args, ++i, a);
                case "--id-prefix" -> prefix = value(args, ++i, a);
                case "--position" -> position = FingerPosition.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT));
                case "--impression" -> impression = Integer.parseInt(value(args, ++i, a));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                case "--batch" -> batch = Integer.parseInt(value(args, ++i, a));
                case "--optimize" -> optimize = true;
                case "--face-dimension", "--int8" -> {
                    if (a.equals("--face-dimension")) {
                        i++;
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a);
                    }
                    positional.add(a);
                }
            }
        }
        if (lists.isEmpty()) {
            lists.add("watchlist");
        }
        if (threads < 1 || batch < 0 || impression < 1) {
            throw new UsageException("--threads, --batch and --impression must be positive");
        }
        Items items = switch (source) {
            case "fvc" -> fvc(positional, impression, agency, lists, position);
            case "templates" -> templates(positional, prefix, agency, lists, position);
            default -> throw new UsageException("unknown source '" + source + "' (fvc, templates)");
        };
        try (Gallery gallery = Gallery.open(directory, GalleryLoader.bulkConfig(configFor(directory, args)))) {
            err.println("loading " + items.description() + " into " + directory);
            GalleryLoader.Result r = GalleryLoader.load(gallery, items.iterator(), items.total(), threads,
                    batch > 0 ? batch : GalleryLoader.batchFor(items.total(), threads), err);
            if (optimize) {
                err.println("merging the index into one segment ...");
                gallery.optimize();
            }
            out.printf(Locale.ROOT, "enrolled %,d subjects in %.1f s (%,.0f/s); %,d already present, %,d refused"
                    + " (unusable capture)%n", r.enrolled(), r.seconds(), r.rate(), r.alreadyPresent(), r.refused());
            print(gallery.statistics(), out);
        } finally {
            items.close();
        }
        return 0;
    }

    private static void print(GalleryStatistics s, PrintStream out) {
        out.printf(Locale.ROOT, "subjects %,d, fingers %,d, faces %,d, %,.1f MB on disk (%,.0f bytes per subject)%n",
                s.subjects(), s.fingers(), s.faces(), s.diskBytes() / 1e6,
                s.subjects() == 0 ? 0.0 : (double) s.diskBytes() / s.subjects());
    }

    /** The gallery's configuration: face settings from the options when creating, from the manifest otherwise. */
    static GalleryConfig configFor(Path directory, List<String> args) {
        java.util.Optional<GalleryConfig> existing = Gallery.existingConfig(directory);
        if (existing.isPresent()) {
            return existing.get();
        }
        GalleryConfig config = GalleryConfig.defaults();
        int i = args.indexOf("--face-dimension");
        if (i >= 0 && i + 1 < args.size()) {
            config = config.withFaceDimension(Integer.parseInt(args.get(i + 1)));
        }
        if (args.contains("--int8")) {
            config = config.withFaceEncoding(FaceVectorEncoding.INT8);
        }
        return config;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /** A source's items. */
    private record Items(String description, long total, Iterator<GalleryLoader.Item> iterator,
                         AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private static Items fvc(List<String> folders, int impression, String agency, Set<String> lists,
                             FingerPosition position) {
        if (folders.isEmpty()) {
            throw new UsageException("fvc needs at least one database folder");
        }
        FingerprintExtractor extractor = new FingerprintExtractor();
        List<GalleryLoader.Item> items = new ArrayList<>();
        for (String spec : folders) {
            int colon = spec.lastIndexOf(':');
            double dpi = FvcDatabase.DEFAULT_DPI;
            String folder = spec;
            if (colon > 0 && spec.substring(colon + 1).matches("\\d+(\\.\\d+)?")) {
                dpi = Double.parseDouble(spec.substring(colon + 1));
                folder = spec.substring(0, colon);
            }
            FvcDatabase db = FvcDatabase.scan(Path.of(folder), dpi);
            String dbId = db.name().replace('/', ':');
            double resolution = dpi;
            for (FvcImage image : db.images()) {
                if (image.impression() != impression) {
                    continue;
                }
                String id = dbId + ":" + image.finger();
                items.add(new GalleryLoader.Item(id, () -> {
                    FingerprintExtraction e = extractor.extract(FingerprintImage.decode(image.read(), resolution));
                    return e instanceof FingerprintExtraction.Extracted x ? SubjectRecord.builder(id).agency(agency)
                            .lists(lists.toArray(String[]::new)).attribute("source", db.name() + "/" + image.id())
                            .finger(position, x.template()).build() : null;
                }));
            }
        }
        return new Items(folders.size() + " FVC database(s), impression " + impression, items.size(),
                items.iterator(), null);
    }

    private static Items templates(List<String> files, String prefix, String agency, Set<String> lists,
                                   FingerPosition position) throws IOException {
        if (files.size() != 1) {
            throw new UsageException("templates needs exactly one file");
        }
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        long total = TemplateFile.count(file);
        TemplateFile.Reader reader = TemplateFile.read(file);
        String[] listArray = lists.toArray(String[]::new);
        Iterator<GalleryLoader.Item> items = new Iterator<>() {
            private long n;

            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public GalleryLoader.Item next() {
                String id = prefix + "-" + n++;
                var template = reader.next();
                return new GalleryLoader.Item(id, () -> SubjectRecord.builder(id).agency(agency).lists(listArray)
                        .finger(position, template).build());
            }
        };
        return new Items(String.format(Locale.ROOT, "%,d templates from %s", total, file), total, items, reader);
    }

}
