package io.ordercare.returns.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.returns.order.OrderFacts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * order-gateway's platform formats write one charge per payment, so a double capture cannot be created through
 * it; the detector is specified here on payment records as OrderService returns them.
 */
class DuplicateChargeDetectorTest {

    static final Instant T = Instant.parse("2026-11-11T00:00:00Z");

    static OrderFacts order(long total, List<OrderFacts.Payment> payments) {
        return new OrderFacts("OC1", "TAOBAO", "PAID", T, null, "CNY", total, List.of(), payments);
    }

    static OrderFacts.Transaction charge(long amount, String ref, int minutes) {
        return new OrderFacts.Transaction("CHARGE", "SUCCEEDED", amount, ref, T.plusSeconds(60L * minutes));
    }

    @Test
    void aSecondSuccessfulCaptureOfTheSameAmountIsOneDuplicate() {
        var dups = DuplicateChargeDetector.detect(order(39800, List.of(new OrderFacts.Payment(1, "ALIPAY", "PAID", 39800,
                List.of(charge(39800, "A1", 0), charge(39800, "A2", 1))))));
        assertThat(dups).singleElement().satisfies(d -> {
            assertThat(d.chargeRef()).isEqualTo("A2");
            assertThat(d.amountMinor()).isEqualTo(39800);
            assertThat(d.method()).isEqualTo("ALIPAY");
        });
    }

    @Test
    void aSplitPaymentAddingUpToTheTotalIsNoDuplicate() {
        assertThat(DuplicateChargeDetector.detect(order(39800, List.of(
                new OrderFacts.Payment(1, "ALIPAY", "PAID", 30000, List.of(charge(30000, "A1", 0))),
                new OrderFacts.Payment(2, "CARD", "PAID", 9800, List.of(charge(9800, "C1", 1))))))).isEmpty();
    }

    @Test
    void failedAttemptsAndAlreadyRefundedDuplicatesAreNotDuplicates() {
        assertThat(DuplicateChargeDetector.detect(order(39800, List.of(new OrderFacts.Payment(1, "ALIPAY", "PAID", 39800,
                List.of(new OrderFacts.Transaction("CHARGE", "FAILED", 39800, "F", T), charge(39800, "A1", 1)))))))
                .isEmpty();
        assertThat(DuplicateChargeDetector.detect(order(39800, List.of(new OrderFacts.Payment(1, "ALIPAY", "PAID", 39800,
                List.of(charge(39800, "A1", 0), charge(39800, "A2", 1),
                        new OrderFacts.Transaction("REFUND", "SUCCEEDED", 39800, "R", T.plusSeconds(600)))))))).isEmpty();
    }

    @Test
    void threeCapturesAreTwoDuplicates() {
        assertThat(DuplicateChargeDetector.detect(order(100, List.of(new OrderFacts.Payment(1, "CARD", "PAID", 100,
                List.of(charge(100, "", 0), charge(100, "", 1), charge(100, "", 2)))))))
                .extracting(DuplicateChargeDetector.Duplicate::chargeRef)
                .containsExactly("payment-1-tx-1", "payment-1-tx-2");
    }
}
