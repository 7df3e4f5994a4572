package org.borderid.gallery;

/** How the face index stores embeddings for its HNSW graph. Exact scores always come from the float vectors. */
public enum FaceVectorEncoding {
    /** 32-bit floats: the best graph recall, 4 bytes per component in memory. */
    FLOAT32,
    /**
     * 8-bit scalar quantization (Lucene's optimized scalar quantizer): a quarter of the memory for the graph search,
     * recall recovered by asking the graph for more candidates and re-scoring them with the float vectors.
     */
    INT8
}
