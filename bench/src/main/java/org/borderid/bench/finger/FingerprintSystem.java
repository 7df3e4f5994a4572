package org.borderid.bench.finger;

import java.util.Objects;
import org.borderid.image.GrayImage;

/**
 * A fingerprint recognition system under measurement: BorderID or a peer (SourceAFIS), behind one interface so that
 * the accuracy harness and the JMH benchmarks treat them alike.
 *
 * <p>Implementations are thread-safe: {@link #extract} and {@link Probe#match} may be called concurrently. A system
 * that is not implemented yet throws {@link UnsupportedOperationException}; the harness reports it as unavailable.
 */
public interface FingerprintSystem {
    /** Short lower-case name used on the command line, in JSON and as a JMH {@code @Param}: {@code borderid}. */
    String name();

    /**
     * Extracts a template from 8-bit gray pixels (0 = black ridges, 255 = white background).
     *
     * @param image the capture
     * @param dpi   its resolution, dots per inch
     * @return the template, or {@link Failed} when the system judges the capture unusable (counts toward FTE)
     */
    Extraction extract(GrayImage image, double dpi);

    /** Prepares a probe template once for many 1:1 comparisons. */
    Probe prepare(Template probe);

    /**
     * An equal template without any state derived from earlier comparisons, as a template is when just extracted or
     * just read from a passport chip or a database. Benchmarks of a fresh 1:1 check use it so that caches filled by
     * earlier iterations do not hide preparation work.
     */
    Template fresh(Template template);

    /**
     * The template in the system's own serialized form (what a gallery or a card stores).
     *
     * @throws UnsupportedOperationException if the system has no serialized form
     */
    default byte[] encode(Template template) {
        throw new UnsupportedOperationException(name() + " does not serialize templates");
    }

    /**
     * A template from {@link #encode}'s bytes, equal to the encoded one and cache-free (as {@link #fresh} gives).
     *
     * @throws UnsupportedOperationException if the system has no serialized form
     * @throws RuntimeException (the system's own type) if the bytes are not a valid template
     */
    default Template decode(byte[] encoded) {
        throw new UnsupportedOperationException(name() + " does not serialize templates");
    }

    /** A system's template; only the same system's probes accept it. */
    interface Template {}

    /** A prepared probe. {@link #match} is thread-safe. */
    @FunctionalInterface
    interface Probe {
        /** Similarity of the candidate to this probe; higher is more similar; never NaN. */
        double match(Template candidate);
    }

    /** The outcome of an extraction. */
    sealed interface Extraction permits Extracted, Failed {}

    /** A usable template. */
    record Extracted(Template template) implements Extraction {
        public Extracted {
            Objects.requireNonNull(template, "template");
        }
    }

    /** The system refused the capture; {@code reason} is the system's feedback (no biometric data). */
    record Failed(String reason) implements Extraction {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
