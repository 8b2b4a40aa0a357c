package io.ordercare.gateway.order;

import io.ordercare.gateway.anomaly.Anomaly;
import io.ordercare.gateway.anomaly.AnomalyRules;
import io.ordercare.gateway.anomaly.CustomerHistory;
import io.ordercare.gateway.anomaly.FlagKind;
import io.ordercare.gateway.anomaly.ItemFacts;
import io.ordercare.gateway.anomaly.OrderFacts;
import io.ordercare.gateway.customer.Customer;
import io.ordercare.gateway.inventory.InventoryLevel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what the anomaly rules look at (stock, the customer's history) and raises a flag for each
 * anomaly not already open on the order. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class OrderAnomalies {

    @Inject
    AnomalyConfig config;

    @Inject
    Clock clock;

    private final AnomalyRules rules = new AnomalyRules();

    /** The flags newly raised (already persisted); empty when nothing new is wrong. */
    public Uni<List<OrderFlag>> evaluate(Order order, List<OrderItem> items, boolean paid,
            boolean addressChangedAfterPayment) {
        List<String> skus = items.stream().map(i -> i.sku).distinct().toList();
        return InventoryLevel.<InventoryLevel>find("sku in ?1", skus).list()
                .chain(levels -> history(order).chain(history -> OrderFlag.<OrderFlag>find(
                        "orderId = ?1 and resolvedAt is null", order.id).list()
                        .chain(open -> {
                            Map<String, Integer> stock = new HashMap<>();
                            levels.forEach(l -> stock.put(l.sku, l.available));
                            OrderFacts facts = new OrderFacts(
                                    items.stream().map(i -> new ItemFacts(i.sku, i.category, i.quantity,
                                            i.unitPriceMinor, i.listPriceMinor)).toList(),
                                    order.totalMinor, order.currency, paid, order.address.city, history, stock,
                                    addressChangedAfterPayment, clock.instant());
                            Set<FlagKind> alreadyOpen = EnumSet.noneOf(FlagKind.class);
                            open.forEach(f -> alreadyOpen.add(f.kind));
                            List<OrderFlag> raised = rules.check(facts, config.thresholds()).stream()
                                    .filter(a -> !alreadyOpen.contains(a.kind()))
                                    .map(a -> flag(order.id, a))
                                    .toList();
                            return raised.isEmpty()
                                    ? Uni.createFrom().item(raised)
                                    : OrderFlag.persist(raised).replaceWith(raised);
                        })));
    }

    private Uni<CustomerHistory> history(Order order) {
        return Customer.<Customer>findById(order.customerId)
                .chain(customer -> Order.<Order>find("customerId = ?1 and id <> ?2", order.customerId, order.id)
                        .page(0, 50).list()
                        .map(previous -> {
                            Set<String> cities = new HashSet<>();
                            previous.forEach(p -> {
                                if (p.address.city != null) {
                                    cities.add(p.address.city);
                                }
                            });
                            return new CustomerHistory(customer.createdAt, previous.size(), cities);
                        }));
    }

    private OrderFlag flag(String orderId, Anomaly anomaly) {
        OrderFlag f = new OrderFlag();
        f.orderId = orderId;
        f.kind = anomaly.kind();
        f.detail = anomaly.detail();
        f.raisedAt = clock.instant();
        return f;
    }
}
