package org.borderid.gallery.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;
import org.borderid.gallery.FaceVectorEncoding;

/**
 * The index codec: Lucene 10.6's default codec with the face field's vector format chosen per gallery. Segments
 * record the per-field format by name, so readers need no custom codec (the default codec resolves it); the graph
 * parameters below only shape graphs built from now on (flushes and merges), never how existing ones are read.
 *
 * <ul>
 *   <li>{@link FaceVectorEncoding#FLOAT32}: {@link Lucene99HnswVectorsFormat}, float vectors in the graph.</li>
 *   <li>{@link FaceVectorEncoding#INT8}: {@link Lucene104HnswScalarQuantizedVectorsFormat} with 8-bit unsigned
 *       components (Lucene's optimized scalar quantization); the float vectors are kept beside them for exact
 *       re-scoring.</li>
 * </ul>
 */
final class GalleryCodec extends Lucene104Codec {
    /**
     * HNSW neighbours per node (M), 2..512: 32 (Lucene's default is 16). Measured on 100,000 vectors with the
     * statistics of real MobileFaceNet embeddings (docs/gallery.md, "Face 1:N"): with 200 graph candidates recall@10
     * against an exact scan is 0.80 with M = 16 and 0.94 with M = 32 (0.985 vs 0.90 with 400), and the probe's mate
     * came first for 96.0% vs 99.7% of the probes; building costs about 1.4 times more. The system property
     * {@value #MAX_CONNECTIONS_PROPERTY} overrides it for experiments (graphs built afterwards).
     */
    static final int MAX_CONNECTIONS = 32;
    /**
     * HNSW construction beam width (efConstruction), 2..3200: Lucene's default, 100. Measured with M = 32 on the same
     * 100,000 vectors: beam 200 adds 0.002–0.02 to recall@10 at equal graph candidates but makes building 1.65 times
     * slower.
     */
    static final int BEAM_WIDTH = 100;
    /** Overrides {@link #MAX_CONNECTIONS} for experiments ({@code eval gallery-faces} tuning runs). */
    static final String MAX_CONNECTIONS_PROPERTY = "borderid.gallery.hnsw.m";
    /** Overrides {@link #BEAM_WIDTH} for experiments. */
    static final String BEAM_WIDTH_PROPERTY = "borderid.gallery.hnsw.beam";
    /**
     * Threads that build the graph of one merged segment: one per core. A force-merge of a bulk-loaded gallery is one
     * merge that re-inserts most vectors into one graph; with one thread it leaves all other cores idle.
     */
    static final int MERGE_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Shared by every gallery's merges (daemon threads, idle when nothing merges). */
    private static final class MergeThreads {
        static final ExecutorService POOL = Executors.newFixedThreadPool(MERGE_WORKERS, r -> {
            Thread t = new Thread(r, "borderid-gallery-graph-merge");
            t.setDaemon(true);
            return t;
        });
    }

    private final KnnVectorsFormat faceFormat;

    GalleryCodec(FaceVectorEncoding encoding) {
        int m = Integer.getInteger(MAX_CONNECTIONS_PROPERTY, MAX_CONNECTIONS);
        int beam = Integer.getInteger(BEAM_WIDTH_PROPERTY, BEAM_WIDTH);
        ExecutorService merges = MERGE_WORKERS > 1 ? MergeThreads.POOL : null;
        this.faceFormat = switch (encoding) {
            case FLOAT32 -> new Lucene99HnswVectorsFormat(m, beam, MERGE_WORKERS, merges);
            case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(
                    QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, m, beam, MERGE_WORKERS, merges);
        };
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return SubjectDocuments.FACE.equals(field) ? faceFormat : super.getKnnVectorsFormatForField(field);
    }
}
