package org.borderid.finger.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.borderid.OperatingPoint;
import org.borderid.finger.FingerprintMatcher;
import org.borderid.finger.FingerprintTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy smoke test: the FVC protocol (280 genuine, 2,880 impostor comparisons) on FVC2002 databases with the
 * third-party ISO templates, against conservative bounds. Measured at the time of writing (docs/fingerprint.md):
 * EER 0.7 % (DB1) and 0.4 % (DB2). The bounds leave room for parameter changes, not for a broken matcher (random
 * scores give an EER near 50 %).
 */
class MatcherAccuracyTest {
    @ParameterizedTest
    @CsvSource({"DB1_B, 0.03, 0.06", "DB2_B, 0.02, 0.05"})
    void fvcProtocolErrorRatesStayWithinBounds(String db, double maxEer, double maxFnmrAtFmr1e3) {
        List<FingerprintTemplate> templates = FvcIsoTemplates.database(db, FvcIsoTemplates.Geometry.RECTIFIED);
        double[] genuine = new double[280];
        double[] impostor = new double[2880];
        int g = 0;
        int i = 0;
        for (int a = 0; a < templates.size(); a++) {
            FingerprintMatcher matcher = new FingerprintMatcher(templates.get(a));
            for (int b = a + 1; b < templates.size(); b++) {
                double score = matcher.match(templates.get(b));
                if (a / FvcIsoTemplates.IMPRESSIONS == b / FvcIsoTemplates.IMPRESSIONS) {
                    genuine[g++] = score;
                } else {
                    impostor[i++] = score;
                }
            }
        }
        ErrorRates rates = ErrorRates.of(genuine, impostor);
        assertThat(rates.eer()).as("%s: %s", db, rates).isLessThanOrEqualTo(maxEer);

        // At the shipped FMR 1e-3 threshold: few genuine pairs rejected, few impostors accepted.
        double threshold = FingerprintMatcher.threshold(OperatingPoint.FMR_1E3);
        long rejected = java.util.Arrays.stream(genuine).filter(s -> s < threshold).count();
        long accepted = java.util.Arrays.stream(impostor).filter(s -> s >= threshold).count();
        assertThat((double) rejected / genuine.length).as("%s FNMR at FMR 1e-3 threshold", db)
                .isLessThanOrEqualTo(maxFnmrAtFmr1e3);
        assertThat(accepted).as("%s impostors at or above the FMR 1e-3 threshold", db).isLessThanOrEqualTo(3);
    }
}
