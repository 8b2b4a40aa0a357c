package io.ordercare.returns.returnrequest;

import io.ordercare.returns.order.OrderFacts;
import io.ordercare.returns.policy.PolicySelection;
import io.ordercare.returns.policy.ReturnPolicy;
import io.ordercare.returns.policy.ReturnReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether items of an order may go back, item by item, and says which rule decided. The rules, in the
 * order they are applied: the order must have been delivered; the quantity must not exceed what is left after
 * earlier returns and refunds; a non-returnable category (fresh food, custom-made) and opened goods that must stay
 * sealed (digital) are refused unless the seller is at fault; the return window runs from delivery; an exchange
 * needs a policy that allows exchanges. Plain code: no clock, database or network of its own.
 */
public final class EligibilityRules {

    /** Dates in sentences are the customer's calendar. */
    public static final ZoneId CUSTOMER_ZONE = ZoneId.of("Asia/Shanghai");

    public enum Rule {
        WITHIN_POLICY,
        NOT_DELIVERED,
        QUANTITY_EXCEEDED,
        NO_POLICY,
        NON_RETURNABLE_CATEGORY,
        OPENED,
        WINDOW_PASSED,
        EXCHANGE_NOT_ALLOWED
    }

    /** One requested item and how many. */
    public record Line(long itemId, int quantity) {
    }

    /**
     * The verdict for one item: the rule that decided, the arguments of its sentence, and the policy applied.
     */
    public record ItemVerdict(OrderFacts.Item item, int quantity, boolean eligible, Rule rule, List<Object> args,
            ReturnPolicy policy, Instant deadline) {
    }

    public record Verdict(boolean eligible, Rule rule, List<Object> args, List<ItemVerdict> items, boolean sellerPays) {
    }

    private EligibilityRules() {
    }

    public static Verdict check(OrderFacts order, List<ReturnPolicy> policies, List<Line> lines, boolean exchange,
            ReturnReason reason, boolean opened, Map<Long, Integer> alreadyReturned, Instant now) {
        List<ItemVerdict> verdicts = new ArrayList<>();
        boolean sellerPays = true;
        for (Line line : lines) {
            OrderFacts.Item item = order.item(line.itemId()).orElseThrow();
            ReturnPolicy policy = PolicySelection.pick(policies, order.platform(), item.category(),
                    order.placedAt() == null ? now : order.placedAt()).orElse(null);
            ItemVerdict v = item(order, item, line.quantity(), policy, exchange, reason, opened,
                    alreadyReturned.getOrDefault(item.id(), 0), now);
            verdicts.add(v);
            sellerPays &= policy != null && policy.sellerPays(reason);
        }
        ItemVerdict refused = verdicts.stream().filter(v -> !v.eligible()).findFirst().orElse(null);
        if (refused != null) {
            return new Verdict(false, refused.rule(), refused.args(), verdicts, sellerPays);
        }
        ItemVerdict first = verdicts.get(0);
        return new Verdict(true, Rule.WITHIN_POLICY, first.args(), verdicts, sellerPays);
    }

    static ItemVerdict item(OrderFacts order, OrderFacts.Item item, int quantity, ReturnPolicy policy,
            boolean exchange, ReturnReason reason, boolean opened, int returned, Instant now) {
        if (!order.delivered() || order.deliveredAt() == null) {
            return refuse(item, quantity, Rule.NOT_DELIVERED, policy, null, order.status());
        }
        if (policy == null) {
            return refuse(item, quantity, Rule.NO_POLICY, null, null, item.category());
        }
        Instant deadline = order.deliveredAt().plus(policy.returnWindowDays(), ChronoUnit.DAYS);
        String deadlineDate = LocalDate.ofInstant(deadline, CUSTOMER_ZONE).toString();
        int left = item.quantity() - returned;
        if (quantity > left) {
            return refuse(item, quantity, Rule.QUANTITY_EXCEEDED, policy, deadline, item.name(), left, item.quantity());
        }
        if (policy.nonReturnable() != null && !reason.sellerFault()) {
            return refuse(item, quantity, Rule.NON_RETURNABLE_CATEGORY, policy, deadline, item.name(),
                    policy.nonReturnable());
        }
        if (policy.requiresUnopened() && opened && !reason.sellerFault()) {
            return refuse(item, quantity, Rule.OPENED, policy, deadline, item.name());
        }
        if (now.isAfter(deadline)) {
            return refuse(item, quantity, Rule.WINDOW_PASSED, policy, deadline, policy.returnWindowDays(),
                    deadlineDate);
        }
        if (exchange && !policy.exchangeAllowed()) {
            return refuse(item, quantity, Rule.EXCHANGE_NOT_ALLOWED, policy, deadline, item.name());
        }
        return new ItemVerdict(item, quantity, true, Rule.WITHIN_POLICY,
                List.of(policy.returnWindowDays(), deadlineDate), policy, deadline);
    }

    private static ItemVerdict refuse(OrderFacts.Item item, int quantity, Rule rule, ReturnPolicy policy,
            Instant deadline, Object... args) {
        return new ItemVerdict(item, quantity, false, rule, List.of(args), policy, deadline);
    }
}
