package org.borderid.bench.eval.finger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;
import org.borderid.OperatingPoint;
import org.borderid.bench.accuracy.ThresholdCalibration;
import org.borderid.bench.finger.FingerprintSystem;
import org.borderid.bench.finger.FingerprintSystem.Probe;
import org.borderid.bench.finger.FingerprintSystem.Template;
import org.borderid.fixtures.fvc.FvcFingerIdentity;

/**
 * Thresholds for the standard operating points from every impostor comparison a run can make: the FVC impostor pairs
 * within each database (already scored) plus every template of each database against every template of the others
 * (scored here, in parallel), except cross pairs known to show the same finger ({@link FvcFingerIdentity}). Only
 * pairs of two templates count: a failed extraction never reaches a comparison in use.
 */
final class CrossDatabaseCalibration {
    private CrossDatabaseCalibration() {}

    /**
     * One database's contribution.
     *
     * @param db                     the database
     * @param templates              its templates by image index (null: no template)
     * @param comparedImpostorScores the scores of its FVC impostor pairs of two templates
     */
    record Database(DecodedDatabase db, Template[] templates, double[] comparedImpostorScores) {}

    static Calibration calibrate(FingerprintSystem system, List<Database> databases, Workers workers,
            Consumer<String> log) {
        List<Template> all = new ArrayList<>();
        List<String> dbOf = new ArrayList<>();
        List<Integer> fingerOf = new ArrayList<>();
        for (Database d : databases) {
            for (int i = 0; i < d.templates().length; i++) {
                if (d.templates()[i] != null) {
                    all.add(d.templates()[i]);
                    dbOf.add(d.db().name());
                    fingerOf.add(d.db().database().images().get(i).finger());
                }
            }
        }
        int n = all.size();
        log.accept(system.name() + ": calibration: scoring cross-database impostor pairs of " + n + " templates");
        double[][] perProbe = new double[n][];
        Warnings warnings = new Warnings("calibration: " + system.name(), log);
        workers.forEach(n, p -> {
            Probe probe = SystemCalls.prepare(system, all.get(p), warnings);
            double[] scores = new double[n - p - 1];
            int count = 0;
            for (int c = p + 1; c < n; c++) {
                boolean crossImpostor = !dbOf.get(c).equals(dbOf.get(p))
                        && !FvcFingerIdentity.sameFinger(dbOf.get(p), fingerOf.get(p), dbOf.get(c), fingerOf.get(c));
                if (crossImpostor) {
                    scores[count++] = SystemCalls.compare(probe, all.get(c), warnings);
                }
            }
            perProbe[p] = Arrays.copyOf(scores, count);
        });
        warnings.summarize();
        double[] cross = compared(Arrays.stream(perProbe).flatMapToDouble(Arrays::stream));
        double[] within = compared(databases.stream().map(Database::comparedImpostorScores)
                .flatMapToDouble(Arrays::stream));
        double[] pooled = DoubleStream.concat(Arrays.stream(cross), Arrays.stream(within)).toArray();
        List<ThresholdCalibration.Threshold> thresholds = new ArrayList<>();
        for (OperatingPoint point : OperatingPoint.values()) {
            thresholds.add(ThresholdCalibration.calibrate(pooled, point.falseMatchRate()));
        }
        return new Calibration(system.name(), databases.stream().map(d -> d.db().name()).toList(), within.length,
                cross.length, thresholds);
    }

    /** The scores of pairs that were compared: failed pairs and comparison errors carry −∞. */
    static double[] compared(DoubleStream scores) {
        return scores.filter(s -> s != Double.NEGATIVE_INFINITY).toArray();
    }
}
