package org.borderid.bench.eval.finger;

import java.util.List;
import java.util.Objects;
import org.borderid.bench.accuracy.ThresholdCalibration;

/**
 * Score thresholds of one system for the standard operating points, from the impostor comparisons of a run: the FVC
 * impostor pairs within each database plus every image of each database against every image of every other one,
 * except pairs known to show the same finger ({@link org.borderid.fixtures.fvc.FvcFingerIdentity}: FVC2000 DB1_B and
 * DB2_B share fingers). Pairs involving a failed extraction are left out: such comparisons never happen in use.
 *
 * @param system             the system's name
 * @param databases          names of the databases pooled
 * @param withinDatabasePairs impostor pairs within databases (FVC protocol) that were compared
 * @param crossDatabasePairs impostor pairs across databases that were compared
 * @param thresholds         one per operating point, FMR 1e-2, 1e-3, 1e-4
 */
public record Calibration(String system, List<String> databases, int withinDatabasePairs, int crossDatabasePairs,
        List<ThresholdCalibration.Threshold> thresholds) {
    public Calibration {
        Objects.requireNonNull(system, "system");
        databases = List.copyOf(databases);
        thresholds = List.copyOf(thresholds);
    }

    public int impostorPairs() {
        return withinDatabasePairs + crossDatabasePairs;
    }
}
