package org.borderid.gallery;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link Gallery}. {@link #faceDimension} and {@link #faceEncoding} shape the index and are fixed when
 * the gallery is created (its manifest keeps them; reopening with other values is refused); the others apply to each
 * opening.
 *
 * @param faceDimension       components of the face embeddings, 1..{@value SubjectRecord#MAX_FACE_DIMENSION} (128 for
 *                            MobileFaceNet and SFace)
 * @param faceEncoding        how the face graph stores vectors
 * @param refreshInterval     how often new enrollments are made searchable, 1 ms..10 min: a record is searchable at
 *                            most this long (plus the reopen itself, typically a few ms) after it is acknowledged;
 *                            intervals over a few seconds are for bulk loads (every refresh writes a segment)
 * @param commitInterval      how often the index is committed, 1 s..1 h; between commits the write-ahead journal
 *                            holds the acknowledged changes, so this bounds the journal replayed on the next opening
 * @param templateCacheBytes  heap for fingerprint templates prepared for matching, bytes, 0..2^40; a template costs
 *                            about 16 KB prepared, and a search whose candidates are cached skips the preparation
 *                            (about 10 times a comparison)
 * @param readOnly            open for searching only: no journal replay, no writes, no lock on the directory beyond
 *                            Lucene's readers (another process may be writing)
 */
public record GalleryConfig(int faceDimension, FaceVectorEncoding faceEncoding, Duration refreshInterval,
                            Duration commitInterval, long templateCacheBytes, boolean readOnly) {
    /** Default embedding dimension (MobileFaceNet, SFace). */
    public static final int DEFAULT_FACE_DIMENSION = 128;
    /**
     * Default refresh interval: 100 ms. Measured: a reopen with a few new records takes 1–5 ms on 2 cores, so
     * refreshing ten times a second costs under 5% of one core and makes enrollments searchable within ~0.1 s.
     */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(100);
    /** Default commit interval: 60 s, bounding the replay after a crash to a minute of enrollments. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(60);
    /** Default template cache: 512 MiB (about 32,000 prepared fingers), or a quarter of the heap if that is less. */
    public static final long DEFAULT_TEMPLATE_CACHE_BYTES =
            Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);

    public GalleryConfig {
        if (faceDimension < 1 || faceDimension > SubjectRecord.MAX_FACE_DIMENSION) {
            throw new IllegalArgumentException("faceDimension out of range 1.." + SubjectRecord.MAX_FACE_DIMENSION
                    + ": " + faceDimension);
        }
        Objects.requireNonNull(faceEncoding, "faceEncoding");
        checkDuration("refreshInterval", refreshInterval, Duration.ofMillis(1), Duration.ofMinutes(10));
        checkDuration("commitInterval", commitInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        if (templateCacheBytes < 0 || templateCacheBytes > 1L << 40) {
            throw new IllegalArgumentException("templateCacheBytes out of range 0..2^40: " + templateCacheBytes);
        }
    }

    /** The defaults: 128-d float faces, 100 ms refresh, 60 s commits, default template cache, read-write. */
    public static GalleryConfig defaults() {
        return new GalleryConfig(DEFAULT_FACE_DIMENSION, FaceVectorEncoding.FLOAT32, DEFAULT_REFRESH_INTERVAL,
                DEFAULT_COMMIT_INTERVAL, DEFAULT_TEMPLATE_CACHE_BYTES, false);
    }

    public GalleryConfig withFaceDimension(int dimension) {
        return new GalleryConfig(dimension, faceEncoding, refreshInterval, commitInterval, templateCacheBytes, readOnly);
    }

    public GalleryConfig withFaceEncoding(FaceVectorEncoding encoding) {
        return new GalleryConfig(faceDimension, encoding, refreshInterval, commitInterval, templateCacheBytes, readOnly);
    }

    public GalleryConfig withRefreshInterval(Duration interval) {
        return new GalleryConfig(faceDimension, faceEncoding, interval, commitInterval, templateCacheBytes, readOnly);
    }

    public GalleryConfig withCommitInterval(Duration interval) {
        return new GalleryConfig(faceDimension, faceEncoding, refreshInterval, interval, templateCacheBytes, readOnly);
    }

    public GalleryConfig withTemplateCacheBytes(long bytes) {
        return new GalleryConfig(faceDimension, faceEncoding, refreshInterval, commitInterval, bytes, readOnly);
    }

    public GalleryConfig withReadOnly(boolean readOnly) {
        return new GalleryConfig(faceDimension, faceEncoding, refreshInterval, commitInterval, templateCacheBytes,
                readOnly);
    }

    private static void checkDuration(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + value);
        }
    }
}
