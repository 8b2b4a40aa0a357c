package io.ordercare.gateway.order;

import io.ordercare.gateway.customer.CustomerIdentity;
import io.ordercare.gateway.payment.Payment;
import io.ordercare.gateway.payment.PaymentTransaction;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads whole orders. Lookups go through a bounded cache (see application.properties) that our own
 * writes invalidate at once and the CDC stream invalidates for anything else that changed the row.
 */
@ApplicationScoped
public class OrderReader {

    public static final String CACHE = "orders";

    @Inject
    @CacheName(CACHE)
    Cache cache;

    @CacheResult(cacheName = CACHE)
    @WithSession
    public Uni<OrderView> get(String orderId) {
        return Order.<Order>findById(orderId)
                .onItem().ifNull().failWith(() -> new OrderNotFoundException(orderId))
                .chain(this::load);
    }

    public Uni<Void> invalidate(String orderId) {
        return cache.invalidate(orderId);
    }

    /** Orders of one customer, newest first. */
    @WithSession
    public Uni<List<OrderView>> byCustomer(String customerId, int limit) {
        return Order.<Order>find("customerId = ?1 order by placedAt desc", customerId).page(0, limit).list()
                .chain(this::loadAll);
    }

    /** Orders of whoever owns this identity (phone E.164, email, or "platform:account"). */
    @WithSession
    public Uni<List<OrderView>> byIdentity(CustomerIdentity.Kind kind, String value, int limit) {
        return CustomerIdentity.<CustomerIdentity>find("kind = ?1 and value = ?2", kind, value).firstResult()
                .chain(identity -> identity == null
                        ? Uni.createFrom().item(List.<OrderView>of())
                        : Order.<Order>find("customerId = ?1 order by placedAt desc", identity.customerId)
                                .page(0, limit).list().chain(this::loadAll));
    }

    private Uni<List<OrderView>> loadAll(List<Order> orders) {
        // sequential on purpose: one reactive session must not run two queries at once
        Uni<List<OrderView>> acc = Uni.createFrom().item(new ArrayList<>());
        for (Order o : orders) {
            acc = acc.chain(list -> load(o).map(v -> {
                list.add(v);
                return list;
            }));
        }
        return acc;
    }

    /** Flags come oldest first: their ids are handed out in blocks by two writers (ingest, changes), not in order. */
    Uni<OrderView> load(Order order) {
        return OrderItem.<OrderItem>find("orderId = ?1 order by lineNo", order.id).list()
                .chain(items -> Payment.<Payment>find("orderId = ?1 order by id", order.id).list()
                        .chain(payments -> transactionsOf(payments)
                                .chain(txs -> OrderFlag.<OrderFlag>find("orderId = ?1 order by raisedAt, id", order.id).list()
                                        .chain(flags -> CustomerIdentity.<CustomerIdentity>find(
                                                "customerId = ?1 order by id", order.customerId).list()
                                                .chain(ids -> io.ordercare.gateway.customer.Customer
                                                        .<io.ordercare.gateway.customer.Customer>findById(order.customerId)
                                                        .map(c -> view(order, items, payments, txs, flags,
                                                                customerView(order.customerId, c == null ? null : c.name, ids))))))));
    }

    private Uni<Map<Long, List<PaymentTransaction>>> transactionsOf(List<Payment> payments) {
        if (payments.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Long> ids = payments.stream().map(p -> p.id).toList();
        return PaymentTransaction.<PaymentTransaction>find("paymentId in ?1 order by at, id", ids).list()
                .map(txs -> txs.stream().collect(Collectors.groupingBy(t -> t.paymentId)));
    }

    private static OrderView.CustomerView customerView(String id, String name, List<CustomerIdentity> ids) {
        String phone = null;
        String email = null;
        List<String> accounts = new ArrayList<>();
        for (CustomerIdentity i : ids) {
            switch (i.kind) {
                case PHONE -> phone = phone == null ? i.value : phone;
                case EMAIL -> email = email == null ? i.value : email;
                case PLATFORM -> accounts.add(i.value);
            }
        }
        return new OrderView.CustomerView(id, name, phone, email, List.copyOf(accounts));
    }

    private static OrderView view(Order o, List<OrderItem> items, List<Payment> payments,
            Map<Long, List<PaymentTransaction>> txs, List<OrderFlag> flags, OrderView.CustomerView customer) {
        List<OrderView.PaymentView> pays = payments.stream().map(p -> new OrderView.PaymentView(p.id, p.method,
                p.status, p.amountMinor, p.currency, txs.getOrDefault(p.id, List.of()).stream()
                        .map(t -> new OrderView.TransactionView(t.kind, t.status, t.amountMinor, t.providerRef,
                                t.failureReason, t.at))
                        .toList()))
                .toList();
        return new OrderView(o.id, o.platform, o.externalId, o.status, o.holdReason, o.version, customer,
                OrderView.AddressView.of(o.address), OrderView.ShipmentView.of(o.shipment),
                items.stream().map(OrderView.ItemView::of).toList(),
                o.totalMinor, o.currency, pays, flags.stream().map(OrderView.FlagView::of).toList(), o.placedAt,
                o.updatedAt);
    }
}
