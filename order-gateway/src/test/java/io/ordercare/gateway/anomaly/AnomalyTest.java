package io.ordercare.gateway.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnomalyTest {

    @Test
    void overlongDetailIsCutToTheStoredLength() {
        Anomaly anomaly = new Anomaly(FlagKind.PRICE_ANOMALY, "x".repeat(600));

        assertThat(anomaly.detail()).hasSize(Anomaly.MAX_DETAIL_LENGTH).endsWith("…");
    }
}
