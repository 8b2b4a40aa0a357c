package io.ordercare.dialog.order;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.dialog.nlu.AddressParser;
import io.ordercare.dialog.nlu.ParsedAddress;
import io.ordercare.proto.order.v1.Address;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.order.v1.OrderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The new delivery address: taken from the message (the address the NLU found, or the whole answer to "which
 * address?"), complete down to the street, read back, then written through order-gateway. The recipient's name
 * and phone stay as they were.
 */
@ApplicationScoped
public class ChangeAddressAction implements FlowAction {

    static final String SLOT = "address";

    @Inject
    Replies replies;

    @Inject
    OrderClient orders;

    @Override
    public String name() {
        return "change_address";
    }

    @Override
    public boolean fill(TurnContext ctx, Flow.Slot slot, Order order) {
        Optional<ParsedAddress> parsed = spoken(ctx.entity("address").map(e -> e.value()), ctx.text);
        if (parsed.isEmpty()) {
            return false;
        }
        remember(ctx.state.slots, parsed.get());
        return true;
    }

    /** A complete address in what the customer said: the address entity the NLU found, else the whole answer. */
    public static Optional<ParsedAddress> spoken(Optional<String> entity, String text) {
        return entity.flatMap(AddressParser::parse).filter(ChangeAddressAction::complete)
                .or(() -> AddressParser.parse(text).filter(ChangeAddressAction::complete));
    }

    /** Keeps the new address in the dialog's slots (address.*). */
    public static void remember(java.util.Map<String, String> s, ParsedAddress a) {
        s.put(SLOT, "filled");
        s.put("address.format", a.format());
        s.put("address.country", nz(a.country()));
        s.put("address.province", nz(a.province()));
        s.put("address.city", nz(a.city()));
        s.put("address.district", nz(a.district()));
        s.put("address.street", nz(a.street()));
        s.put("address.line2", nz(a.line2()));
        s.put("address.postalCode", nz(a.postalCode()));
    }

    /** A city and a street at least: "change it to Shanghai" alone is not where a courier can go. */
    static boolean complete(ParsedAddress a) {
        return a.city() != null && !a.city().isBlank() && a.street() != null && !a.street().isBlank();
    }

    @Override
    public Object[] confirmArgs(TurnContext ctx, Order order, Replies r) {
        return new Object[] { Replies.orderNumber(order), r.address(ctx.locale(), address(ctx, order)) };
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order order) {
        Address a = address(ctx, order);
        return orders.changeAddress(order, a, "customer asked in " + ctx.conversation.channel + " conversation "
                + ctx.conversation.id).invoke(changed -> {
                    ctx.refreshOrders();
                    ctx.replies.add(replies.text(ctx.locale(), "change_address.done", Replies.orderNumber(changed),
                            replies.address(ctx.locale(), changed.getShippingAddress())));
                    if (changed.getStatus() == OrderStatus.ON_HOLD && order.getStatus() != OrderStatus.ON_HOLD) {
                        // order-gateway holds a paid order whose address changed, for a check
                        ctx.replies.add(replies.text(ctx.locale(), "change_address.on-hold"));
                    }
                }).replaceWithVoid();
    }

    /** The order's address with the new location; the recipient stays. Country: the new one, else the old. */
    private static Address address(TurnContext ctx, Order order) {
        return address(ctx.state.slots, order.getShippingAddress());
    }

    /** {@code old} with the location kept in the slots by {@link #remember}. */
    public static Address address(java.util.Map<String, String> s, Address old) {
        String country = s.getOrDefault("address.country", "");
        return Address.newBuilder().setFormat(s.getOrDefault("address.format", old.getFormat()))
                .setRecipientName(old.getRecipientName()).setRecipientPhone(old.getRecipientPhone())
                .setCountry(country.isBlank() ? old.getCountry() : country)
                .setProvince(s.getOrDefault("address.province", "")).setCity(s.getOrDefault("address.city", ""))
                .setDistrict(s.getOrDefault("address.district", "")).setStreet(s.getOrDefault("address.street", ""))
                .setLine2(s.getOrDefault("address.line2", "")).setPostalCode(s.getOrDefault("address.postalCode", ""))
                .build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
