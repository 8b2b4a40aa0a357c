package io.ordercare.dialog.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.proto.order.v1.Order;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's small rules: ordinals in both languages, order numbers as customers type them, the flows' files.
 * A Quarkus test only so that it runs in the application's class loader with the other tests of the module.
 */
@QuarkusTest
class DialogEngineRulesTest {

    @Test
    void ordinalsInBothLanguages() {
        assertThat(DialogEngine.ordinal("2")).isEqualTo(2);
        assertThat(DialogEngine.ordinal("第二个")).isEqualTo(2);
        assertThat(DialogEngine.ordinal("第3个吧")).isEqualTo(3);
        assertThat(DialogEngine.ordinal("the second one")).isEqualTo(2);
        assertThat(DialogEngine.ordinal("First")).isEqualTo(1);
        assertThat(DialogEngine.ordinal("no idea")).isZero();
        assertThat(DialogEngine.ordinal("1.5")).isZero();
    }

    @Test
    void orderNumbersAsTyped() {
        List<Order> orders = List.of(Order.newBuilder().setId("OC10000001").setExternalId("298765432101").build(),
                Order.newBuilder().setId("OC10000002").setExternalId("#1052").build());
        assertThat(DialogEngine.match(orders, "298765432101")).map(Order::getId).contains("OC10000001");
        assertThat(DialogEngine.match(orders, "JD:298765432101")).map(Order::getId).contains("OC10000001");
        assertThat(DialogEngine.match(orders, "#1052")).map(Order::getId).contains("OC10000002");
        assertThat(DialogEngine.match(orders, "1052")).map(Order::getId).contains("OC10000002");
        assertThat(DialogEngine.match(orders, "oc10000002")).map(Order::getId).contains("OC10000002");
        assertThat(DialogEngine.match(orders, "999")).isEmpty();
    }

    @Test
    void everyFlowFileIsValidAndNamesItsFallbackRight() {
        List<Flow> flows = FlowCatalog.read();
        assertThat(flows).extracting(Flow::id).contains("order_status", "change_address", "change_items",
                "cancel_order", "payment_issue", "return_request", "exchange_request", "refund_status", "price_protection");
        for (Flow f : flows) {
            assertThat(f.version()).as(f.id()).isPositive();
            if (f.fallbackFlow() != null) {
                assertThat(flows).extracting(Flow::id).as(f.id()).contains(f.fallbackFlow());
            }
        }
    }
}
