package org.borderid.gallery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing in id order.
 *
 * @param records the records of this page, in id order
 * @param next    the id to pass as {@code after} for the next page, empty on the last page
 */
public record SubjectPage(List<SubjectRecord> records, Optional<String> next) {
    public SubjectPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Objects.requireNonNull(next, "next");
    }
}
