package io.ordercare.gateway.order;

import io.ordercare.proto.order.v1.Address;
import io.ordercare.proto.order.v1.Customer;
import io.ordercare.proto.order.v1.Flag;
import io.ordercare.proto.order.v1.Money;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderItem;
import io.ordercare.proto.order.v1.Payment;
import io.ordercare.proto.order.v1.PaymentTransaction;
import io.ordercare.proto.order.v1.Shipment;
import java.time.Instant;

/** {@link OrderView} ↔ the gRPC messages of {@code order_service.proto}. Proto3 has no null: absent is "". */
final class OrderProtoMapper {

    private OrderProtoMapper() {
    }

    static Order toProto(OrderView v) {
        Order.Builder b = Order.newBuilder()
                .setId(v.id())
                .setPlatform(s(v.platform()))
                .setExternalId(s(v.externalId()))
                .setStatus(io.ordercare.proto.order.v1.OrderStatus.valueOf(v.status().name()))
                .setHoldReason(s(v.holdReason()))
                .setVersion(v.version())
                .setShippingAddress(toProto(v.shippingAddress()))
                .setTotal(money(v.totalMinor(), v.currency()))
                .setPlacedAt(s(v.placedAt()))
                .setUpdatedAt(s(v.updatedAt()));
        OrderView.ShipmentView sh = v.shipment();
        if (sh != null) {
            b.setShipment(Shipment.newBuilder().setCarrier(s(sh.carrier())).setTrackingNumber(s(sh.trackingNumber()))
                    .setOrigin(s(sh.origin()))
                    .setPromisedDeliveryDate(sh.promisedDeliveryDate() == null ? "" : sh.promisedDeliveryDate().toString())
                    .setShippedAt(s(sh.shippedAt())));
        }
        OrderView.CustomerView c = v.customer();
        b.setCustomer(Customer.newBuilder().setId(s(c.id())).setName(s(c.name())).setPhone(s(c.phone()))
                .setEmail(s(c.email())).addAllPlatformAccounts(c.platformAccounts()));
        for (OrderView.ItemView i : v.items()) {
            b.addItems(OrderItem.newBuilder().setId(i.id()).setSku(i.sku()).setName(s(i.name()))
                    .setCategory(s(i.category())).setSize(s(i.size())).setColour(s(i.colour()))
                    .setQuantity(i.quantity()).setUnitPrice(money(i.unitPriceMinor(), v.currency()))
                    .setListPrice(money(i.listPriceMinor(), v.currency())));
        }
        for (OrderView.PaymentView p : v.payments()) {
            Payment.Builder pb = Payment.newBuilder().setId(p.id()).setMethod(s(p.method())).setStatus(s(p.status()))
                    .setAmount(money(p.amountMinor(), p.currency()));
            for (OrderView.TransactionView t : p.transactions()) {
                pb.addTransactions(PaymentTransaction.newBuilder().setKind(s(t.kind())).setStatus(s(t.status()))
                        .setAmount(money(t.amountMinor(), p.currency())).setProviderRef(s(t.providerRef()))
                        .setFailureReason(s(t.failureReason())).setAt(s(t.at())));
            }
            b.addPayments(pb);
        }
        for (OrderView.FlagView f : v.flags()) {
            b.addFlags(Flag.newBuilder().setKind(f.kind()).setDetail(s(f.detail())).setRaisedAt(s(f.raisedAt()))
                    .setResolved(f.resolved()));
        }
        return b.build();
    }

    static io.ordercare.proto.order.v1.Substitute toProto(Substitute s) {
        return io.ordercare.proto.order.v1.Substitute.newBuilder().setSku(s.sku()).setName(s(s.name()))
                .setCategory(s(s.category())).setSize(s(s.size())).setColour(s(s.colour()))
                .setUnitPrice(money(s.unitPriceMinor(), s.currency())).setAvailable(s.available()).setScore(s.score())
                .build();
    }

    static Address toProto(OrderView.AddressView a) {
        return Address.newBuilder().setFormat(s(a.format())).setRecipientName(s(a.recipientName()))
                .setRecipientPhone(s(a.recipientPhone())).setCountry(s(a.country())).setProvince(s(a.province()))
                .setCity(s(a.city())).setDistrict(s(a.district())).setStreet(s(a.street())).setLine2(s(a.line2()))
                .setPostalCode(s(a.postalCode())).build();
    }

    static OrderView.AddressView fromProto(Address a) {
        return new OrderView.AddressView(n(a.getFormat()), n(a.getRecipientName()), n(a.getRecipientPhone()),
                n(a.getCountry()), n(a.getProvince()), n(a.getCity()), n(a.getDistrict()), n(a.getStreet()),
                n(a.getLine2()), n(a.getPostalCode()));
    }

    static ItemChange fromProto(io.ordercare.proto.order.v1.ItemChange c) {
        return new ItemChange(c.getItemId() == 0 ? null : c.getItemId(), c.getQuantity() == 0 ? null : c.getQuantity(),
                n(c.getSize()), n(c.getColour()));
    }

    static Actor fromProto(io.ordercare.proto.order.v1.Actor a, String defaultName) {
        return new Actor(a.getActor().isEmpty() ? defaultName : a.getActor(), n(a.getReason()));
    }

    private static Money money(long minor, String currency) {
        return Money.newBuilder().setMinor(minor).setCurrency(s(currency)).build();
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static String s(Instant v) {
        return v == null ? "" : v.toString();
    }

    private static String n(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
