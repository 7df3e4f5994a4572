package org.borderid.finger.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.borderid.finger.Minutia;
import org.junit.jupiter.api.Test;

class AnglesTest {
    @Test
    void vectorDirectionMatchesAtan2ToTheStep() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            float dx = random.nextInt(801) - 400;
            float dy = random.nextInt(801) - 400;
            if (dx == 0 && dy == 0) {
                continue;
            }
            double exact = Math.atan2(-dy, dx) * Angles.STEPS / (2 * Math.PI);
            int steps = Angles.ofVector(dx, dy);
            double error = Math.abs(((steps - exact) % Angles.STEPS + Angles.STEPS + Angles.HALF) % Angles.STEPS
                    - Angles.HALF);
            // Rounded to the nearest step: within half a step, plus the polynomial's tiny error at ties.
            assertThat(error).as("(%s, %s)", dx, dy).isLessThanOrEqualTo(0.5 + 1e-3);
        }
    }

    @Test
    void directionsFollowTheIsoConventionAsSeenOnTheImage() {
        assertThat(Angles.ofVector(1, 0)).isZero();
        assertThat(Angles.ofVector(0, -1)).isEqualTo(64); // up on the image is +90°
        assertThat(Angles.ofVector(-1, 0)).isEqualTo(128);
        assertThat(Angles.ofVector(0, 1)).isEqualTo(192);
        assertThat(Minutia.toAngleSteps(Math.PI / 2)).isEqualTo(64);
    }

    @Test
    void distanceIsTheShorterWayRound() {
        assertThat(Angles.distance(10, 250)).isEqualTo(16);
        assertThat(Angles.distance(0, 128)).isEqualTo(128);
        assertThat(Angles.difference(3, 5)).isEqualTo(254);
    }
}
