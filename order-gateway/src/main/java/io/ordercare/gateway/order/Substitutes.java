package io.ordercare.gateway.order;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.gateway.inventory.InventoryLevel;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds products that could stand in for an item of an order (a short one, typically), from the inventory
 * snapshot's product facts, ranked by {@link SubstituteRanking}. Read-only: offering one to the customer and
 * {@link OrderService#replaceItem replacing the item} are the caller's next steps.
 */
@ApplicationScoped
public class Substitutes {

    /** How many are answered when the caller does not say. */
    public static final int DEFAULT_LIMIT = 3;
    /** The most one call may ask for. */
    public static final int MAX_LIMIT = 20;

    @Inject
    OrderReader reader;

    @Inject
    SubstitutesConfig config;

    /** Best first, at most {@code limit} (null or 0: {@value #DEFAULT_LIMIT}); empty when nothing fits. */
    @WithSpan("order.find-substitutes")
    public Uni<List<Substitute>> find(@SpanAttribute("order.id") String orderId, Long itemId, Integer limit) {
        int max = limit == null || limit == 0 ? DEFAULT_LIMIT : limit;
        if (itemId == null) {
            return Uni.createFrom().failure(InvalidRequestException.of("itemId", "required"));
        }
        if (max < 1 || max > MAX_LIMIT) {
            return Uni.createFrom().failure(new InvalidRequestException(List.of(
                    new FieldError("limit", "out_of_range", String.valueOf(limit)))));
        }
        SubstituteRanking ranking = new SubstituteRanking(config.maxPriceDifference());
        return reader.get(orderId).chain(order -> {
            OrderView.ItemView item = order.items().stream().filter(i -> i.id() == itemId).findFirst().orElse(null);
            if (item == null) {
                return Uni.createFrom().failure(new OrderItemNotFoundException(orderId, itemId));
            }
            Map<String, Integer> orderedElsewhere = new HashMap<>();
            order.items().stream().filter(i -> i != item).forEach(i -> orderedElsewhere.merge(i.sku(), i.quantity(),
                    Integer::sum));
            // the window and the stock narrow the rows read; the ranking applies every rule again
            return Panache.withSession(() -> InventoryLevel.<InventoryLevel>find("""
                    category = ?1 and currency = ?2 and unitPriceMinor between ?3 and ?4 and sku <> ?5
                    and available >= ?6""", item.category().toLowerCase(Locale.ROOT), order.currency(),
                    ranking.lowestPrice(item.unitPriceMinor()), ranking.highestPrice(item.unitPriceMinor()),
                    item.sku(), item.quantity()).list())
                    .map(candidates -> ranking.rank(item, order.currency(), orderedElsewhere, candidates, max));
        });
    }
}
