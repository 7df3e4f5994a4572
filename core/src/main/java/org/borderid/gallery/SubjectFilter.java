package org.borderid.gallery;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which subjects a search or listing covers: members of any of the given lists and owned by any of the given agencies.
 * An empty set does not restrict; {@link #ALL} covers everyone.
 *
 * <pre>{@code
 * SubjectFilter.inLists("watchlist")                       // only the watchlist
 * SubjectFilter.inLists("watchlist").andAgencies("interpol") // the watchlist entries Interpol owns
 * }</pre>
 *
 * @param lists    list names, any of which a subject must belong to (empty: any subject)
 * @param agencies agencies, one of which must own the subject (empty: any agency)
 */
public record SubjectFilter(Set<String> lists, Set<String> agencies) {
    /** No restriction. */
    public static final SubjectFilter ALL = new SubjectFilter(Set.of(), Set.of());

    public SubjectFilter {
        lists = copy("lists", lists);
        agencies = copy("agencies", agencies);
    }

    /** Subjects in any of these lists. */
    public static SubjectFilter inLists(String... lists) {
        return new SubjectFilter(Set.of(lists), Set.of());
    }

    /** Subjects owned by any of these agencies. */
    public static SubjectFilter ofAgencies(String... agencies) {
        return new SubjectFilter(Set.of(), Set.of(agencies));
    }

    /** This filter further restricted to these agencies. */
    public SubjectFilter andAgencies(String... agencies) {
        return new SubjectFilter(lists, Set.of(agencies));
    }

    /** Whether the filter restricts anything. */
    public boolean isAll() {
        return lists.isEmpty() && agencies.isEmpty();
    }

    /** Whether a record passes the filter. */
    public boolean test(SubjectRecord record) {
        return (agencies.isEmpty() || agencies.contains(record.agency()))
                && (lists.isEmpty() || record.lists().stream().anyMatch(lists::contains));
    }

    private static Set<String> copy(String field, Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        TreeSet<String> copy = new TreeSet<>();
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("filter " + field + " contain an empty name: " + Arrays.toString(
                        values.toArray()));
            }
            copy.add(v);
        }
        return Collections.unmodifiableSet(copy);
    }
}
