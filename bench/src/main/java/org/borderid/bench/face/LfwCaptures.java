package org.borderid.bench.face;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.borderid.face.FaceCapture;
import org.borderid.face.FaceEngine;
import org.borderid.face.FaceQuality;
import org.borderid.fixtures.lfw.LfwDataset;
import org.borderid.fixtures.lfw.LfwImage;
import org.borderid.image.ImageFormatException;

/**
 * The captures of a list of LFW images through the whole product pipeline ({@link FaceEngine#capture}: decode,
 * detect, align, embed), run on several threads. Embeddings are kept as one flat array of unit vectors; images without
 * a face (or unreadable) have none.
 */
final class LfwCaptures {
    private final List<LfwImage> images;
    private final Map<LfwImage, Integer> index = new HashMap<>();
    private final int dimension;
    private final float[] vectors;
    private final boolean[] captured;
    private final FaceQuality[] qualities;
    private final int[] facesSeen;
    private final String[] errors;
    private final double seconds;

    private LfwCaptures(List<LfwImage> images, int dimension, double seconds, float[] vectors, boolean[] captured,
            FaceQuality[] qualities, int[] facesSeen, String[] errors) {
        this.images = List.copyOf(images);
        for (int i = 0; i < images.size(); i++) {
            index.put(images.get(i), i);
        }
        this.dimension = dimension;
        this.seconds = seconds;
        this.vectors = vectors;
        this.captured = captured;
        this.qualities = qualities;
        this.facesSeen = facesSeen;
        this.errors = errors;
    }

    /** Captures every image with the engine on {@code threads} threads, reporting progress now and then. */
    static LfwCaptures capture(FaceEngine engine, LfwDataset dataset, List<LfwImage> images, int threads,
            Consumer<String> progress) throws InterruptedException {
        int n = images.size();
        int dimension = engine.model().dimension();
        float[] vectors = new float[n * dimension];
        boolean[] captured = new boolean[n];
        FaceQuality[] qualities = new FaceQuality[n];
        int[] facesSeen = new int[n];
        String[] errors = new String[n];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    try {
                        FaceCapture c = engine.capture(Files.readAllBytes(dataset.path(images.get(k))));
                        facesSeen[k] = c.facesSeen();
                        if (c instanceof FaceCapture.Face face) {
                            System.arraycopy(face.embedding().vector(), 0, vectors, k * dimension, dimension);
                            captured[k] = true;
                            qualities[k] = face.quality();
                        } else if (c instanceof FaceCapture.LowQuality low) {
                            qualities[k] = low.quality();
                        }
                    } catch (IOException | ImageFormatException e) {
                        errors[k] = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    int d = done.incrementAndGet();
                    if (d % 2000 == 0) {
                        progress.accept(String.format("captured %d/%d images (%.0f s)", d, n,
                                (System.nanoTime() - start) / 1e9));
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("capture failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new LfwCaptures(images, dimension, (System.nanoTime() - start) / 1e9, vectors, captured, qualities,
                facesSeen, errors);
    }

    /** Captures made elsewhere (tests): a unit vector per image, or null for an image without a face. */
    static LfwCaptures of(List<LfwImage> images, List<float[]> vectorsOrNull) {
        int n = images.size();
        int dimension = vectorsOrNull.stream().filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow().length;
        float[] vectors = new float[n * dimension];
        boolean[] captured = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (vectorsOrNull.get(i) != null) {
                System.arraycopy(vectorsOrNull.get(i), 0, vectors, i * dimension, dimension);
                captured[i] = true;
            }
        }
        return new LfwCaptures(images, dimension, 0, vectors, captured, new FaceQuality[n], new int[n], new String[n]);
    }

    /**
     * Captures the images, or reads them from {@code cacheFile} when it holds the captures of the same images made by
     * an engine with the same {@code engineKey}; a fresh capture is written there (embeddings only: qualities are not
     * kept, so {@link #quality} is null for every image of a cached capture). The cache holds biometric data: keep it
     * with the datasets, out of the repository.
     */
    static LfwCaptures cached(Path cacheFile, String engineKey, FaceEngine engine, LfwDataset dataset,
            List<LfwImage> images, int threads, Consumer<String> progress) throws InterruptedException, IOException {
        if (Files.isRegularFile(cacheFile)) {
            LfwCaptures c = read(cacheFile, engineKey, images);
            if (c != null) {
                progress.accept("read " + images.size() + " cached LFW captures from " + cacheFile);
                return c;
            }
            progress.accept("cached LFW captures in " + cacheFile + " are of another engine or image list: redoing");
        }
        LfwCaptures c = capture(engine, dataset, images, threads, progress);
        c.write(cacheFile, engineKey);
        progress.accept("wrote the LFW captures to " + cacheFile);
        return c;
    }

    private static final int CACHE_MAGIC = 0x4249444c; // "BIDL"
    private static final int CACHE_VERSION = 1;

    /** Writes the embeddings (not the qualities) to a file: magic, version, engine key, then per image its state. */
    void write(Path file, String engineKey) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(CACHE_MAGIC);
            out.writeInt(CACHE_VERSION);
            out.writeUTF(engineKey);
            out.writeInt(dimension);
            out.writeInt(images.size());
            out.writeDouble(seconds);
            for (int i = 0; i < images.size(); i++) {
                out.writeUTF(images.get(i).id());
                out.writeBoolean(captured[i]);
                out.writeInt(facesSeen[i]);
                out.writeUTF(errors[i] == null ? "" : errors[i]);
                if (captured[i]) {
                    for (int k = 0; k < dimension; k++) {
                        out.writeFloat(vectors[i * dimension + k]);
                    }
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a capture file; null when it was made by another engine or for another image list. */
    static LfwCaptures read(Path file, String engineKey, List<LfwImage> images) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != CACHE_MAGIC || in.readInt() != CACHE_VERSION || !in.readUTF().equals(engineKey)) {
                return null;
            }
            int dimension = in.readInt();
            int n = in.readInt();
            double seconds = in.readDouble();
            if (n != images.size()) {
                return null;
            }
            float[] vectors = new float[n * dimension];
            boolean[] captured = new boolean[n];
            int[] facesSeen = new int[n];
            String[] errors = new String[n];
            for (int i = 0; i < n; i++) {
                if (!in.readUTF().equals(images.get(i).id())) {
                    return null;
                }
                captured[i] = in.readBoolean();
                facesSeen[i] = in.readInt();
                String error = in.readUTF();
                errors[i] = error.isEmpty() ? null : error;
                if (captured[i]) {
                    for (int k = 0; k < dimension; k++) {
                        vectors[i * dimension + k] = in.readFloat();
                    }
                }
            }
            return new LfwCaptures(images, dimension, seconds, vectors, captured, new FaceQuality[n], facesSeen,
                    errors);
        }
    }

    /** The unit embedding of captured image i (a copy). */
    float[] vector(int i) {
        if (!captured[i]) {
            throw new IllegalArgumentException("image " + i + " has no face");
        }
        return java.util.Arrays.copyOfRange(vectors, i * dimension, (i + 1) * dimension);
    }

    List<LfwImage> images() {
        return images;
    }

    int dimension() {
        return dimension;
    }

    double seconds() {
        return seconds;
    }

    /** The index of an image, or −1 if it was not captured at all (not in the list). */
    int indexOf(LfwImage image) {
        Integer i = index.get(image);
        return i == null ? -1 : i;
    }

    boolean captured(int i) {
        return captured[i];
    }

    /** Quality of image i (null without a face). */
    FaceQuality quality(int i) {
        return qualities[i];
    }

    int facesSeen(int i) {
        return facesSeen[i];
    }

    /** The decoding error of image i, or null. */
    String error(int i) {
        return errors[i];
    }

    /** Cosine similarity of two images' embeddings; −∞ when either has none (a failed capture never matches). */
    double score(int a, int b) {
        if (a < 0 || b < 0 || !captured[a] || !captured[b]) {
            return Double.NEGATIVE_INFINITY;
        }
        return dot(a, b);
    }

    /** Dot product of two captured images' unit vectors (4 accumulators: the JIT does not vectorise a float sum). */
    double dot(int a, int b) {
        int oa = a * dimension;
        int ob = b * dimension;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            s0 += vectors[oa + i] * vectors[ob + i];
            s1 += vectors[oa + i + 1] * vectors[ob + i + 1];
            s2 += vectors[oa + i + 2] * vectors[ob + i + 2];
            s3 += vectors[oa + i + 3] * vectors[ob + i + 3];
        }
        for (; i < dimension; i++) {
            s0 += vectors[oa + i] * vectors[ob + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Number of images without a face (or unreadable). */
    int failures() {
        int f = 0;
        for (boolean c : captured) {
            f += c ? 0 : 1;
        }
        return f;
    }
}
