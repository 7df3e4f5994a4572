package org.borderid.gallery;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a 1:N search: the best candidates, best first, and what the search looked at.
 *
 * @param candidates  up to k candidates, highest score first (ties by subject id)
 * @param searched    gallery entries (faces, or fingers per probe finger summed) within the filter
 * @param rescored    entries compared exactly: faces re-scored with the float embedding, fingers compared with the
 *                    full 1:1 matcher (their share of {@code searched} is the search's penetration rate)
 * @param unreadable  ids of subjects whose stored data failed its checksum during this search and were left out; not
 *                    empty means the gallery needs repair (see {@link Gallery#verify()}), and the search is logged
 */
public record Identification(List<Candidate> candidates, long searched, long rescored, List<String> unreadable) {
    public Identification {
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        unreadable = List.copyOf(Objects.requireNonNull(unreadable, "unreadable"));
        if (searched < 0 || rescored < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** The best candidate's id, if any. */
    public java.util.Optional<Candidate> best() {
        return candidates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(candidates.get(0));
    }

    /** Share of the searched entries compared exactly, 0..1 (0 for an empty search). */
    public double penetration() {
        return searched == 0 ? 0 : (double) rescored / searched;
    }
}
