package org.borderid.bench.eval.finger;

import java.util.Objects;
import org.borderid.bench.accuracy.ErrorRates;

/** What one system achieved on one database: measured figures, or why it could not be measured. */
public sealed interface SystemResult {
    /** The system's name. */
    String system();

    /**
     * The system ran.
     *
     * @param figures           the headline figures
     * @param rates             the score distributions behind them (for DET curves)
     * @param images            images in the database
     * @param failedExtractions images without a template: refused by the system, undecodable, or an error
     * @param extractionErrors  extractions that threw (a bug in the system; included in failedExtractions)
     * @param comparisonErrors  comparisons that threw or returned NaN (a bug; scored as non-matches)
     */
    record Measured(String system, FingerprintFigures figures, ErrorRates rates, int images, int failedExtractions,
            int extractionErrors, int comparisonErrors) implements SystemResult {
        public Measured {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(figures, "figures");
            Objects.requireNonNull(rates, "rates");
        }
    }

    /** The system is not implemented yet (it threw {@link UnsupportedOperationException}); {@code reason} says so. */
    record Unavailable(String system, String reason) implements SystemResult {
        public Unavailable {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
