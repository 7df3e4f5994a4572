package org.borderid.finger.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.borderid.OperatingPoint;
import org.borderid.finger.FingerprintExtraction;
import org.borderid.finger.FingerprintExtractor;
import org.borderid.finger.FingerprintImage;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.engine.match.MatchCalibration;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The matcher's evaluation and calibration runs behind the figures in docs/fingerprint.md. Slow (about a minute for
 * the ISO run, several for the calibration run): tagged {@code slow}, run with
 * {@code ./mvnw -q -B -pl core test -Pslow -Dtest=FvcEvaluationTest}. They print markdown tables; the assertions only
 * guard against a broken matcher.
 */
@Tag("slow")
class FvcEvaluationTest {
    private static final String[] DATABASES = {"DB1_B", "DB2_B", "DB3_B", "DB4_B"};

    /** FVC protocol on the FVC2002 .iso templates, as recorded and rectified. */
    @Test
    void isoTemplates() {
        for (FvcIsoTemplates.Geometry geometry : FvcIsoTemplates.Geometry.values()) {
            System.out.println("\nFVC2002 .iso templates, " + geometry + "\n");
            System.out.println("| database | EER | FNMR@FMR1e-2 | FNMR@FMR≤1/2880 | ZeroFMR |");
            System.out.println("|---|---|---|---|---|");
            for (String db : DATABASES) {
                ErrorRates rates = protocol(FvcIsoTemplates.database(db, geometry)).rates();
                System.out.printf("| fvc2002/%s | %.2f%% | %.2f%% | %.2f%% | %.2f%% |%n", db, 100 * rates.eer(),
                        100 * rates.fnmrAtFmr1e2(), 100 * rates.fnmrAtFmr1e3(), 100 * rates.zeroFmr());
                assertThat(rates.eer()).isLessThan(0.1);
            }
        }
    }

    /**
     * Extracts FVC2000 and FVC2002 set B with BorderID's extractor, runs the FVC protocol per database and calibrates
     * the thresholds on every impostor pair: within each database (FVC protocol) and across databases. Pairs with the
     * same finger number in two databases of one competition are left out: FVC2000 DB1 and DB2 were captured from the
     * same fingers, so those pairs are genuine.
     */
    @Test
    void extractedTemplatesAndCalibration() throws IOException {
        List<String> names = new ArrayList<>();
        List<List<FingerprintTemplate>> databases = new ArrayList<>();
        FingerprintExtractor extractor = new FingerprintExtractor();
        for (String competition : new String[] {"fvc2002", "fvc2000"}) {
            for (String db : DATABASES) {
                Path dir = SharedData.require("data/fingerprints/" + competition + "/" + db);
                double dpi = competition.equals("fvc2002") && db.equals("DB2_B") ? 569 : 500;
                List<FingerprintTemplate> templates = new ArrayList<>();
                for (int finger = 0; finger < FvcIsoTemplates.FINGERS; finger++) {
                    for (int impression = 0; impression < FvcIsoTemplates.IMPRESSIONS; impression++) {
                        Path tif = dir.resolve((101 + finger) + "_" + (impression + 1) + ".tif");
                        FingerprintExtraction e = extractor.extract(FingerprintImage.decode(Files.readAllBytes(tif), dpi));
                        templates.add(e instanceof FingerprintExtraction.Extracted x ? x.template() : null);
                    }
                }
                names.add(competition + "/" + db);
                databases.add(templates);
            }
        }
        List<Protocol> protocols = new ArrayList<>();
        List<Double> impostors = new ArrayList<>();
        for (List<FingerprintTemplate> templates : databases) {
            Protocol p = protocol(templates);
            protocols.add(p);
            for (double s : p.impostor()) {
                impostors.add(s);
            }
        }
        int within = impostors.size();
        for (int d1 = 0; d1 < databases.size(); d1++) {
            for (int d2 = d1 + 1; d2 < databases.size(); d2++) {
                boolean sameCompetition = d1 / DATABASES.length == d2 / DATABASES.length;
                for (int a = 0; a < databases.get(d1).size(); a++) {
                    FingerprintTemplate probe = databases.get(d1).get(a);
                    if (probe == null) {
                        continue;
                    }
                    FingerprintMatcher matcher = new FingerprintMatcher(probe);
                    for (int b = 0; b < databases.get(d2).size(); b++) {
                        FingerprintTemplate candidate = databases.get(d2).get(b);
                        boolean sameFinger = a / FvcIsoTemplates.IMPRESSIONS == b / FvcIsoTemplates.IMPRESSIONS;
                        if (candidate != null && !(sameCompetition && sameFinger)) {
                            impostors.add(matcher.match(candidate));
                        }
                    }
                }
            }
        }
        double[] pooled = impostors.stream().mapToDouble(Double::doubleValue).toArray();
        Map<OperatingPoint, Double> thresholds = MatchCalibration.thresholds(pooled);
        System.out.printf("%nCalibration: %,d impostor pairs (%,d within databases, %,d across)%n", pooled.length,
                within, pooled.length - within);
        printMeanFnmr("derived here", thresholds::get, protocols);
        printMeanFnmr("shipped (FingerprintMatcher.threshold)", FingerprintMatcher::threshold, protocols);
        System.out.println("\n| database | EER | FNMR@FMR1e-2 | FNMR@FMR≤1/2880 | ZeroFMR | FNMR at the three thresholds |");
        System.out.println("|---|---|---|---|---|---|");
        for (int d = 0; d < databases.size(); d++) {
            Protocol p = protocols.get(d);
            ErrorRates r = p.rates();
            StringBuilder at = new StringBuilder();
            for (OperatingPoint point : OperatingPoint.values()) {
                at.append(String.format("%s%.2f%%", at.isEmpty() ? "" : " / ", 100 * p.fnmrAt(thresholds.get(point))));
            }
            System.out.printf("| %s | %.2f%% | %.2f%% | %.2f%% | %.2f%% | %s |%n", names.get(d), 100 * r.eer(),
                    100 * r.fnmrAtFmr1e2(), 100 * r.fnmrAtFmr1e3(), 100 * r.zeroFmr(), at);
        }
        assertThat(thresholds.get(OperatingPoint.FMR_1E2)).isLessThan(thresholds.get(OperatingPoint.FMR_1E4));
    }

    private static void printMeanFnmr(
            String label, ToDoubleFunction<OperatingPoint> threshold, List<Protocol> protocols) {
        System.out.printf("%n| operating point | threshold, %s | FNMR (mean of 8 databases) |%n", label);
        System.out.println("|---|---|---|");
        for (OperatingPoint point : OperatingPoint.values()) {
            double t = threshold.applyAsDouble(point);
            double fnmr = protocols.stream().mapToDouble(p -> p.fnmrAt(t)).average().orElseThrow();
            System.out.printf("| %s | %.5f | %.2f%% |%n", point, t, 100 * fnmr);
        }
    }

    /** Genuine and impostor scores of the FVC protocol over 10 fingers × 8 impressions (null = failed extraction). */
    private record Protocol(double[] genuine, double[] impostor) {
        ErrorRates rates() {
            return ErrorRates.of(genuine, impostor);
        }

        double fnmrAt(double threshold) {
            return (double) Arrays.stream(genuine).filter(s -> s < threshold).count() / genuine.length;
        }
    }

    private static Protocol protocol(List<FingerprintTemplate> templates) {
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int a = 0; a < templates.size(); a++) {
            if (templates.get(a) == null) {
                continue;
            }
            FingerprintMatcher matcher = new FingerprintMatcher(templates.get(a));
            for (int b = a + 1; b < templates.size(); b++) {
                if (templates.get(b) == null) {
                    continue;
                }
                double s = matcher.match(templates.get(b));
                (a / FvcIsoTemplates.IMPRESSIONS == b / FvcIsoTemplates.IMPRESSIONS ? genuine : impostor).add(s);
            }
        }
        return new Protocol(genuine.stream().mapToDouble(Double::doubleValue).toArray(),
                impostor.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
