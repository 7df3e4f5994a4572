package org.borderid.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.borderid.OperatingPoint;
import org.borderid.finger.FingerPosition;
import org.junit.jupiter.api.Test;

/** The evidence scale, Fisher fusion, the Šidák correction and the decision rule. */
class ScoringTest {
    static final ScoreScale SCALE = ScoreScale.of(Map.of(OperatingPoint.FMR_1E2, 0.30, OperatingPoint.FMR_1E3, 0.40,
            OperatingPoint.FMR_1E4, 0.55));

    @Test
    void evidenceHitsTheCalibratedPointsAndInterpolates() {
        assertThat(SCALE.evidence(0.30)).isCloseTo(2, within(1e-9));
        assertThat(SCALE.evidence(0.40)).isCloseTo(3, within(1e-9));
        assertThat(SCALE.evidence(0.55)).isCloseTo(4, within(1e-9));
        assertThat(SCALE.evidence(0.35)).isCloseTo(2.5, within(1e-9));
        assertThat(SCALE.evidence(0.20)).isCloseTo(1, within(1e-9));
        assertThat(SCALE.evidence(-1)).isZero();
    }

    @Test
    void extrapolationWidensDecadesByTheMeasuredRatioAndIsCapped() {
        // Decade widths 0.10 then 0.15: ratio 1.5, so the next decades are 0.225 and 0.3375 wide.
        assertThat(SCALE.evidence(0.55 + 0.225)).isCloseTo(5, within(1e-9));
        assertThat(SCALE.evidence(0.55 + 0.225 + 0.3375)).isCloseTo(6, within(1e-9));
        assertThat(SCALE.evidence(1e9)).isEqualTo(ScoreScale.MAX_EVIDENCE);
        double previous = -1;
        for (double s = -0.5; s < 3; s += 0.01) {
            double e = SCALE.evidence(s);
            assertThat(e).isGreaterThanOrEqualTo(previous);
            previous = e;
        }
    }

    @Test
    void lighterTailNeverExtrapolatesFasterThanLinear() {
        ScoreScale narrowing = ScoreScale.of(Map.of(OperatingPoint.FMR_1E2, 0.30, OperatingPoint.FMR_1E3, 0.40,
                OperatingPoint.FMR_1E4, 0.45));
        assertThat(narrowing.evidence(0.50)).isCloseTo(5, within(1e-9));
    }

    @Test
    void scoreAtInvertsEvidence() {
        for (double fmr : new double[] {1e-2, 3e-3, 1e-4, 1e-6}) {
            assertThat(SCALE.evidence(SCALE.scoreAt(fmr))).isCloseTo(-Math.log10(fmr), within(1e-6));
        }
    }

    @Test
    void thresholdsMustIncrease() {
        assertThatThrownBy(() -> ScoreScale.of(Map.of(OperatingPoint.FMR_1E2, 0.3, OperatingPoint.FMR_1E3, 0.3,
                OperatingPoint.FMR_1E4, 0.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScoreScale.of(Map.of(OperatingPoint.FMR_1E2, 0.3))).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void fisherFusionMatchesTheClosedForm() {
        assertThat(Fusion.fuse(3.0)).isCloseTo(3.0, within(1e-9));
        // 4 and 4: S = 8 ln 10, p = e^-S (1 + S).
        double s = 8 * Math.log(10);
        assertThat(Fusion.fuse(4, 4)).isCloseTo(-Math.log10(Math.exp(-s) * (1 + s)), within(1e-9));
        assertThat(Fusion.fuse(4, 0)).isCloseTo(2.99, within(0.01));
        assertThat(Fusion.fuse(0, 0, 0)).isZero();
        assertThat(Fusion.fuse(12, 12, 12, 12)).isGreaterThan(40).isFinite();
    }

    @Test
    void fusedFmrOfIndependentImpostorsIsCalibrated() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int n = 200_000;
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            // Impostor evidence: FMR(score) is uniform, so evidence = -log10(U).
            double a = -Math.log10(1 - random.nextDouble());
            double b = -Math.log10(1 - random.nextDouble());
            if (Fusion.fuse(a, b) >= 2) {
                accepted++;
            }
        }
        assertThat(accepted / (double) n).as("seed %d", seed).isCloseTo(0.01, within(0.0015));
    }

    @Test
    void sidakCorrectsTheBestOfSeveralTries() {
        assertThat(Comparison.sidak(4, 1)).isCloseTo(4, within(1e-9));
        assertThat(Comparison.sidak(4, 10)).isCloseTo(3, within(1e-3));
        assertThat(Comparison.sidak(0.01, 10)).isGreaterThanOrEqualTo(0);
    }

    static ModalityScore compared(String modality, double evidence) {
        return new ModalityScore(modality, modality.equals("finger") ? FingerPosition.RIGHT_INDEX : null,
                ModalityScore.COMPARED, 0.5, evidence, null);
    }

    @Test
    void decisionRuleCoversEveryOutcome() {
        CaptureIssue blurred = new CaptureIssue("face", "face", "BLURRED", "Please hold still.");
        assertThat(DecisionRule.decide(List.of(compared("face", 6), compared("finger", 5)), List.of(), 3, 0.1)
                .decision()).isEqualTo(Decision.MATCH);
        assertThat(DecisionRule.decide(List.of(compared("finger", 1)), List.of(), 3, 0.1).decision())
                .isEqualTo(Decision.NO_MATCH);
        DecisionRule.Outcome disagree = DecisionRule.decide(List.of(compared("face", 9), compared("finger", 0.2)),
                List.of(), 3, 0.1);
        assertThat(disagree.decision()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(disagree.reasons()).extracting(Reason::code).containsExactly("MODALITIES_DISAGREE");
        assertThat(DecisionRule.decide(List.of(compared("face", 9), compared("finger", 0.2)), List.of(), 3, 1)
                .decision()).as("rule disabled").isEqualTo(Decision.MATCH);
        DecisionRule.Outcome poor = DecisionRule.decide(List.of(compared("finger", 1)), List.of(blurred), 3, 0.1);
        assertThat(poor.decision()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(poor.reasons()).extracting(Reason::code).containsExactly("BLURRED");
        assertThat(DecisionRule.decide(List.of(compared("finger", 5)), List.of(blurred), 3, 0.1).decision())
                .as("the usable capture suffices").isEqualTo(Decision.MATCH);
        DecisionRule.Outcome nothing = DecisionRule.decide(List.of(), List.of(blurred), 3, 0.1);
        assertThat(nothing.decision()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(nothing.fusedEvidence()).isNull();
        DecisionRule.Outcome uncommon = DecisionRule.decide(List.of(new ModalityScore("face", null,
                ModalityScore.NOT_ENROLLED, null, null, null)), List.of(), 3, 0.1);
        assertThat(uncommon.decision()).isEqualTo(Decision.INCONCLUSIVE);
        assertThat(uncommon.reasons()).extracting(Reason::code).contains("NOT_ENROLLED", "NO_COMMON_MODALITY");
    }
}
