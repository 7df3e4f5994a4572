package org.borderid.bench.jmh.gallery;

import org.borderid.gallery.Identification;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-search counters of the 1:N benchmarks, totals over the measured iterations. EVENTS, because JMH drops
 * OPERATIONS counters in sample-time mode; {@code bench-report} divides them by {@link #searches}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class SearchCounters {
    /** Searches made. */
    public long searches;
    /** Gallery entries in the searched scope, summed over searches. */
    public long searched;
    /** Candidates compared with the full matcher, summed over searches. */
    public long rescored;

    @Setup(Level.Iteration)
    public void reset() {
        searches = 0;
        searched = 0;
        rescored = 0;
    }

    /** Counts one search and returns its result (so the benchmark still consumes it). */
    Identification count(Identification result) {
        searches++;
        searched += result.searched();
        rescored += result.rescored();
        return result;
    }
}
