package io.ordercare.returns.returnrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordercare.returns.order.OrderFacts;
import io.ordercare.returns.policy.ReturnPolicy;
import io.ordercare.returns.policy.ReturnReason;
import io.ordercare.returns.returnrequest.EligibilityRules.Line;
import io.ordercare.returns.returnrequest.EligibilityRules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    static final Instant PLACED = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DELIVERED = Instant.parse("2026-11-04T02:00:00Z");
    static final Set<String> SELLER = Set.of("DEFECTIVE", "WRONG_ITEM", "DAMAGED_IN_TRANSIT", "NOT_AS_DESCRIBED");
    static final List<ReturnPolicy> POLICIES = List.of(
            policy(1, "*", "*", 1, null, false, 7, true),
            policy(2, "*", "fresh", 1, "FRESH_FOOD", false, 2, false),
            policy(3, "*", "digital", 1, null, true, 7, true),
            policy(4, "SHOPIFY", "*", 1, null, false, 30, true),
            policy(5, "*", "apparel", 1, null, false, 7, true),
            policy(6, "*", "apparel", 2, null, false, 15, false));

    static ReturnPolicy policy(long id, String platform, String category, int version, String nonReturnable,
            boolean unopened, int days, boolean exchange) {
        Instant from = version == 1 ? Instant.parse("2020-01-01T00:00:00Z") : Instant.parse("2026-11-02T00:00:00Z");
        Instant to = version == 1 && category.equals("apparel") ? Instant.parse("2026-11-02T00:00:00Z") : null;
        return new ReturnPolicy(id, platform, category, version, from, to, nonReturnable, unopened, days, exchange,
                SELLER, 7, "");
    }

    static OrderFacts order(String platform, String status, Instant placed) {
        return new OrderFacts("OC1", platform, status, placed, status.equals("DELIVERED") ? DELIVERED : null, "CNY",
                30000, List.of(new OrderFacts.Item(1, "TEE", "T-shirt", "apparel", 2, 8900, 9900),
                        new OrderFacts.Item(2, "CHERRY", "Cherries", "fresh", 1, 12900, 14900),
                        new OrderFacts.Item(3, "EAR", "Earbuds", "digital", 1, 9100, 10000)), List.of());
    }

    static EligibilityRules.Verdict check(OrderFacts o, long item, int qty, boolean exchange, ReturnReason reason,
            boolean opened, Instant now) {
        return EligibilityRules.check(o, POLICIES, List.of(new Line(item, qty)), exchange, reason, opened, Map.of(), now);
    }

    @Test
    void withinTheWindowItIsReturnableAndSaysUntilWhen() {
        var v = check(order("TAOBAO", "DELIVERED", PLACED), 3, 1, false, ReturnReason.NO_REASON, false,
                DELIVERED.plus(Duration.ofDays(6)));
        assertThat(v.eligible()).isTrue();
        assertThat(v.rule()).isEqualTo(Rule.WITHIN_POLICY);
        assertThat(v.args()).containsExactly(7, "2026-11-11");
        assertThat(v.sellerPays()).isFalse();
    }

    @Test
    void beforeDeliveryNothingIsReturnable() {
        var v = check(order("TAOBAO", "SHIPPED", PLACED), 1, 1, false, ReturnReason.NO_REASON, false, DELIVERED);
        assertThat(v.rule()).isEqualTo(Rule.NOT_DELIVERED);
        assertThat(v.args()).containsExactly("SHIPPED");
    }

    @Test
    void afterTheWindowTheReturnIsRefusedWithTheDateItEnded() {
        var v = check(order("TAOBAO", "DELIVERED", PLACED), 3, 1, false, ReturnReason.NO_REASON, false,
                DELIVERED.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(v.rule()).isEqualTo(Rule.WINDOW_PASSED);
        assertThat(v.args()).containsExactly(7, "2026-11-11");
    }

    @Test
    void freshFoodIsNotReturnableWithoutAQualityProblem() {
        var o = order("TAOBAO", "DELIVERED", PLACED);
        assertThat(check(o, 2, 1, false, ReturnReason.CHANGED_MIND, false, DELIVERED).rule())
                .isEqualTo(Rule.NON_RETURNABLE_CATEGORY);
        var damaged = check(o, 2, 1, false, ReturnReason.DAMAGED_IN_TRANSIT, false, DELIVERED);
        assertThat(damaged.eligible()).isTrue();
        assertThat(damaged.sellerPays()).isTrue();
    }

    @Test
    void openedDigitalGoodsAreOnlyReturnableWhenDefective() {
        var o = order("TAOBAO", "DELIVERED", PLACED);
        assertThat(check(o, 3, 1, false, ReturnReason.NO_REASON, true, DELIVERED).rule()).isEqualTo(Rule.OPENED);
        assertThat(check(o, 3, 1, false, ReturnReason.DEFECTIVE, true, DELIVERED).eligible()).isTrue();
    }

    @Test
    void moreThanIsLeftAfterEarlierReturnsIsRefused() {
        var v = EligibilityRules.check(order("TAOBAO", "DELIVERED", PLACED), POLICIES, List.of(new Line(1, 2)), false,
                ReturnReason.NO_REASON, false, Map.of(1L, 1), DELIVERED);
        assertThat(v.rule()).isEqualTo(Rule.QUANTITY_EXCEEDED);
        assertThat(v.args()).containsExactly("T-shirt", 1, 2);
    }

    @Test
    void theMostSpecificPolicyInForceWhenTheOrderWasPlacedApplies() {
        // a Shopify order gets the Shopify 30 days; apparel ordered before version 2 keeps version 1's exchange
        var shopify = check(order("SHOPIFY", "DELIVERED", PLACED), 3, 1, false, ReturnReason.NO_REASON, false,
                DELIVERED.plus(Duration.ofDays(20)));
        assertThat(shopify.items().get(0).policy().id()).isEqualTo(3); // category beats platform
        var before = check(order("TAOBAO", "DELIVERED", PLACED), 1, 1, true, ReturnReason.SIZE_FIT, false, DELIVERED);
        assertThat(before.eligible()).isTrue();
        assertThat(before.items().get(0).policy().version()).isEqualTo(1);
        var after = check(order("TAOBAO", "DELIVERED", Instant.parse("2026-11-03T00:00:00Z")), 1, 1, true,
                ReturnReason.SIZE_FIT, false, DELIVERED);
        assertThat(after.rule()).isEqualTo(Rule.EXCHANGE_NOT_ALLOWED);
        assertThat(after.items().get(0).policy().version()).isEqualTo(2);
    }
}
