package org.borderid.gallery.engine;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;
import org.borderid.gallery.FaceVectorEncoding;

/**
 * The index codec: Lucene 10.6's default codec with the face field's vector format chosen per gallery. Segments
 * record the per-field format by name, so readers need no custom codec (the default codec resolves it).
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
     * HNSW neighbours per node (M). Lucene's default, 16. Measured (docs/gallery.md, "Face 1:N"): on uniformly random
     * 128-d unit vectors, the hardest case for a graph index, recall@10 falls short of 0.99 at 100k with the default
     * candidate counts; a larger M (32) and beam are the untested next step.
     */
    static final int MAX_CONNECTIONS = 16;
    /** HNSW construction beam width (efConstruction). Lucene's default, 100. */
    static final int BEAM_WIDTH = 100;

    private final KnnVectorsFormat faceFormat;

    GalleryCodec(FaceVectorEncoding encoding) {
        this.faceFormat = switch (encoding) {
            case FLOAT32 -> new Lucene99HnswVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH);
            case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(
                    QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, MAX_CONNECTIONS, BEAM_WIDTH);
        };
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return SubjectDocuments.FACE.equals(field) ? faceFormat : super.getKnnVectorsFormatForField(field);
    }
}
