package io.ordercare.returns.returnrequest;

import static io.ordercare.returns.returnrequest.ReturnStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnStatusTest {

    @Test
    void theHappyPathOfAReturnIsAllowedStepByStep() {
        ReturnStatus[] path = { REQUESTED, APPROVED, PICKUP_SCHEDULED, IN_TRANSIT, RECEIVED, INSPECTED, REFUNDED, CLOSED };
        for (int i = 0; i + 1 < path.length; i++) {
            assertThat(path[i].canMoveTo(path[i + 1])).as(path[i] + " -> " + path[i + 1]).isTrue();
        }
        assertThat(INSPECTED.canMoveTo(EXCHANGE_SHIPPED)).isTrue();
        assertThat(EXCHANGE_SHIPPED.canMoveTo(CLOSED)).isTrue();
    }

    @Test
    void noStepIsSkippedOrTakenBack() {
        assertThat(APPROVED.canMoveTo(IN_TRANSIT)).isFalse();
        assertThat(RECEIVED.canMoveTo(IN_TRANSIT)).isFalse();
        assertThat(REJECTED.canMoveTo(APPROVED)).isFalse();
        assertThat(RECEIVED.canMoveTo(REFUNDED)).isFalse();
        assertThat(CLOSED.canMoveTo(REQUESTED)).isFalse();
    }

    @Test
    void parcelScansMapToTransitAndReceipt() {
        assertThat(forScan("PICKED_UP")).isEqualTo(IN_TRANSIT);
        assertThat(forScan("OUT_FOR_DELIVERY")).isEqualTo(IN_TRANSIT);
        assertThat(forScan("DELIVERED")).isEqualTo(RECEIVED);
        assertThat(forScan("DELIVERY_FAILED")).isNull();
        assertThat(EXCHANGE_SHIPPED.eventType()).isEqualTo("exchange.shipped");
        assertThat(PICKUP_SCHEDULED.eventType()).isEqualTo("return.pickup-scheduled");
    }
}
