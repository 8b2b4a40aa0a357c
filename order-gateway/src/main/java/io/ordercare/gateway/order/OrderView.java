package io.ordercare.gateway.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The canonical order as callers read it (REST body, source of the gRPC message). Immutable, so it
 * can be cached; money in minor units with its currency.
 */
public record OrderView(
        String id,
        String platform,
        String externalId,
        OrderStatus status,
        String holdReason,
        long version,
        CustomerView customer,
        AddressView shippingAddress,
        /** The outbound parcel; null until the order ships. */
        ShipmentView shipment,
        List<ItemView> items,
        long totalMinor,
        String currency,
        List<PaymentView> payments,
        List<FlagView> flags,
        Instant placedAt,
        Instant updatedAt) {

    public record CustomerView(String id, String name, String phone, String email, List<String> platformAccounts) {
    }

    public record AddressView(String format, String recipientName, String recipientPhone, String country,
            String province, String city, String district, String street, String line2, String postalCode) {

        static AddressView of(ShippingAddress a) {
            return new AddressView(a.format, a.recipientName, a.recipientPhone, a.country, a.province, a.city,
                    a.district, a.street, a.line2, a.postalCode);
        }
    }

    /** {@code promisedDeliveryDate} is a calendar date (ISO {@code YYYY-MM-DD}); {@code origin} the city it leaves from. */
    public record ShipmentView(String carrier, String trackingNumber, String origin, LocalDate promisedDeliveryDate,
            Instant shippedAt) {

        static ShipmentView of(Shipment s) {
            return s == null ? null
                    : new ShipmentView(s.carrier, s.trackingNumber, s.origin, s.promisedDeliveryDate, s.shippedAt);
        }
    }

    public record ItemView(long id, String sku, String name, String category, String size, String colour,
            int quantity, long unitPriceMinor, long listPriceMinor) {

        static ItemView of(OrderItem i) {
            return new ItemView(i.id, i.sku, i.name, i.category, i.size, i.colour, i.quantity, i.unitPriceMinor,
                    i.listPriceMinor);
        }
    }

    public record PaymentView(long id, String method, String status, long amountMinor, String currency,
            List<TransactionView> transactions) {
    }

    public record TransactionView(String kind, String status, long amountMinor, String providerRef,
            String failureReason, Instant at) {
    }

    public record FlagView(String kind, String detail, Instant raisedAt, boolean resolved) {

        static FlagView of(OrderFlag f) {
            return new FlagView(f.kind.name(), f.detail, f.raisedAt, f.resolvedAt != null);
        }
    }
}
