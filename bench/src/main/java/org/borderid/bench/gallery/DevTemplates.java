package org.borderid.bench.gallery;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.borderid.bench.BenchData;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.fixtures.fvc.FvcDatabase;
import org.borderid.fixtures.fvc.FvcFingerIdentity;
import org.borderid.fixtures.fvc.FvcImage;

/**
 * The eight FVC development databases (FVC2000 and FVC2002 set B) as templates from BorderID's extractor, cached in
 * the cache directory under a key that changes with the fingerprint code (so a changed extractor re-extracts).
 */
public final class DevTemplates {
    /** The eight dev databases and their resolutions. */
    static final List<String> DATABASES = List.of("fvc2000/DB1_B", "fvc2000/DB2_B", "fvc2000/DB3_B", "fvc2000/DB4_B",
            "fvc2002/DB1_B", "fvc2002/DB2_B:569", "fvc2002/DB3_B", "fvc2002/DB4_B");

    /**
     * One impression: where it comes from and its template (null when the extractor refused the capture).
     *
     * @param database FVC database name, e.g. {@code fvc2002/DB1_B}
     */
    public record Impression(String database, int finger, int impression, FingerprintTemplate template) {
        /** The gallery subject id of this impression's finger. */
        String subjectId() {
            return "fvc:" + database.replace('/', ':') + ":" + finger;
        }

        /** Whether the other impression shows the same finger (FVC2000 DB1 and DB2 share their fingers). */
        boolean sameFinger(Impression other) {
            return FvcFingerIdentity.sameFinger(database, finger, other.database, other.finger);
        }
    }

    private DevTemplates() {}

    /**
     * The templates of a cache file written by {@link #load} (for instance one made by an earlier extractor, to reuse
     * figures computed with it).
     */
    public static List<Impression> loadFile(Path file) throws IOException {
        return read(file);
    }

    /** SHA-256 (first 12 hex digits) of the impressions' identities and template bytes: a cache key. */
    static String digest(List<Impression> impressions) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Impression i : impressions) {
                sha.update((i.database() + ":" + i.finger() + ":" + i.impression() + ";")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (i.template() != null) {
                    sha.update(i.template().toByteArray());
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The templates of every impression of the eight databases, extracting them unless cached. */
    public static List<Impression> load(Path cache, int threads, Consumer<String> log) throws Exception {
        String key = CodeDigest.of(FingerprintExtractor.class, "org/borderid/finger/");
        Path file = cache.resolve("fvc-dev-templates-" + key + ".bin");
        if (Files.exists(file)) {
            return read(file);
        }
        List<Impression> pending = new ArrayList<>();
        List<FvcImage> images = new ArrayList<>();
        List<Double> dpis = new ArrayList<>();
        for (String spec : DATABASES) {
            String[] parts = spec.split(":");
            double dpi = parts.length > 1 ? Double.parseDouble(parts[1]) : FvcDatabase.DEFAULT_DPI;
            FvcDatabase db = FvcDatabase.scan(BenchData.fingerprints().resolve(parts[0]), dpi);
            for (FvcImage image : db.images()) {
                pending.add(new Impression(db.name(), image.finger(), image.impression(), null));
                images.add(image);
                dpis.add(dpi);
            }
        }
        log.accept("extracting " + images.size() + " FVC impressions (cached in " + file + ")");
        FingerprintExtractor extractor = new FingerprintExtractor();
        FingerprintTemplate[] templates = new FingerprintTemplate[images.size()];
        new ForkJoinPool(threads).submit(() -> IntStream.range(0, images.size()).parallel().forEach(i -> {
            FingerprintExtraction e = extractor.extract(FingerprintImage.decode(images.get(i).read(), dpis.get(i)));
            templates[i] = e instanceof FingerprintExtraction.Extracted x ? x.template() : null;
        })).get();
        List<Impression> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Impression p = pending.get(i);
            out.add(new Impression(p.database(), p.finger(), p.impression(), templates[i]));
        }
        Files.createDirectories(cache);
        write(file, out);
        return out;
    }

    private static void write(Path file, List<Impression> impressions) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            for (Impression i : impressions) {
                out.writeUTF(i.database());
                out.writeInt(i.finger());
                out.writeInt(i.impression());
                byte[] bytes = i.template() == null ? new byte[0] : i.template().toByteArray();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Impression> read(Path file) throws IOException {
        List<Impression> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String db;
                try {
                    db = in.readUTF();
                } catch (EOFException e) {
                    return out;
                }
                int finger = in.readInt();
                int impression = in.readInt();
                byte[] bytes = in.readNBytes(in.readInt());
                out.add(new Impression(db, finger, impression,
                        bytes.length == 0 ? null : FingerprintTemplate.fromByteArray(bytes)));
            }
        }
    }
}
