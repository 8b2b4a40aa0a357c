package io.ordercare.gateway.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnomalyThresholdsTest {

    @Test
    void defaultsAreTheAgreedThresholds() {
        assertThat(AnomalyThresholds.defaults())
                .isEqualTo(new AnomalyThresholds(0.5, 1.5, 500_000, Duration.ofHours(24)));
    }

    @Test
    void floorAboveCeilingIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnomalyThresholds(1.5, 0.5, 500_000, Duration.ofHours(24)));
    }

    @Test
    void nonPositiveHighValueIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnomalyThresholds(0.5, 1.5, 0, Duration.ofHours(24)));
    }
}
