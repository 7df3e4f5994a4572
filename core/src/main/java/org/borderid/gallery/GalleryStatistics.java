package org.borderid.gallery;

/**
 * Sizes of a gallery.
 *
 * @param subjects          enrolled subjects (visible to searches)
 * @param fingers           enrolled finger templates
 * @param faces             enrolled face embeddings
 * @param diskBytes         bytes of the gallery directory (index, journal, manifest)
 * @param templateCacheBytes heap used by fingerprint templates prepared for matching (estimate)
 */
public record GalleryStatistics(long subjects, long fingers, long faces, long diskBytes, long templateCacheBytes) {}
