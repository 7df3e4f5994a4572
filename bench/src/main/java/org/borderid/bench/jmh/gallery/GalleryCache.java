package org.borderid.bench.jmh.gallery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Galleries built once and kept on disk between benchmark runs: building a million-subject gallery takes far longer
 * than searching it, and every JMH fork would otherwise rebuild it.
 *
 * <p>Each gallery lives in {@code <root>/<kind>-<subjects>-<seed>} with a {@value #MANIFEST} naming what was built
 * (the {@link Key}, including a recipe string that changes whenever the generator, its parameters or the gallery's
 * format change). A folder whose manifest is missing (an interrupted build) or differs (a stale recipe) is deleted and
 * rebuilt. Builds go to a temporary folder that is renamed into place once complete, under a file lock, so concurrent
 * processes never see half a gallery.
 *
 * <p>The root is {@code -Dborderid.bench.galleries=DIR}, else {@value #DEFAULT_ROOT} under the working directory
 * (the repository root when the benchmarks run from there; {@code mvn clean} removes it).
 */
public final class GalleryCache {
    /** System property naming the cache root. */
    public static final String ROOT_PROPERTY = "borderid.bench.galleries";
    /** Default root, relative to the working directory. */
    public static final String DEFAULT_ROOT = "bench/target/jmh-galleries";
    /** The manifest file, written last. */
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final Path root;

    public GalleryCache(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The cache at {@code -Dborderid.bench.galleries}, else {@value #DEFAULT_ROOT}. */
    public static GalleryCache standard() {
        return new GalleryCache(Path.of(System.getProperty(ROOT_PROPERTY, DEFAULT_ROOT)));
    }

    /**
     * What a cached gallery holds.
     *
     * @param kind     what kind of gallery ({@code fingers}, {@code faces}): lower case, digits and dashes
     * @param subjects enrolled subjects (≥ 1)
     * @param seed     the generator's seed
     * @param recipe   everything else that shapes the content: generator and its parameters, gallery format
     *                 version, the build code's own version; any change makes cached copies stale
     */
    public record Key(String kind, long subjects, long seed, String recipe) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(recipe, "recipe");
            if (!KIND.matcher(kind).matches() || subjects < 1) {
                throw new IllegalArgumentException("invalid gallery key: " + kind + ", " + subjects + " subjects");
            }
        }

        /** The folder name: {@code fingers-10000-42}. */
        public String folderName() {
            return kind + "-" + subjects + "-" + seed;
        }
    }

    /** Builds a gallery into an empty folder. */
    @FunctionalInterface
    public interface Builder {
        void build(Path folder) throws IOException;
    }

    /** The cache's root folder. */
    public Path root() {
        return root;
    }

    /** Whether a complete, current copy of the gallery is cached. */
    public boolean isCurrent(Key key) {
        return key.equals(manifest(root.resolve(key.folderName())));
    }

    /**
     * The folder holding the gallery, building it first if no current copy is cached.
     *
     * @param log where to say that a build is starting and how long it took
     * @throws IOException if the cache cannot be written or the build fails (nothing is left behind)
     */
    public Path obtain(Key key, Builder builder, PrintStream log) throws IOException {
        Path folder = root.resolve(key.folderName());
        if (key.equals(manifest(folder))) {
            return folder;
        }
        Files.createDirectories(root);
        try (FileChannel lockFile = FileChannel.open(root.resolve(key.folderName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (key.equals(manifest(folder))) {
                return folder; // another process built it while we waited
            }
            deleteTree(folder);
            Path building = root.resolve(key.folderName() + ".building");
            deleteTree(building);
            Files.createDirectories(building);
            log.printf("gallery cache: building %s in %s (first run or stale; later runs reuse it)%n",
                    key.folderName(), root.toAbsolutePath());
            long start = System.nanoTime();
            try {
                builder.build(building);
                Files.writeString(building.resolve(MANIFEST), JSON.writeValueAsString(key) + "\n",
                        StandardCharsets.UTF_8);
                move(building, folder);
            } catch (IOException | RuntimeException | Error e) {
                deleteTree(building);
                throw e;
            }
            log.printf("gallery cache: built %s in %.0f s%n", key.folderName(), (System.nanoTime() - start) / 1e9);
            return folder;
        }
    }

    /** Bytes of every file under a folder. */
    public static long sizeOf(Path folder) throws IOException {
        long[] total = {0};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** The key in a folder's manifest, or null when there is none or it cannot be read. */
    private static Key manifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), Key.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it (nothing when it does not exist). */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #obtain} for benchmark setups, which cannot throw checked exceptions. */
    public Path obtainUnchecked(Key key, Builder builder, PrintStream log) {
        try {
            return obtain(key, builder, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build or read gallery " + key.folderName() + " under " + root, e);
        }
    }
}
