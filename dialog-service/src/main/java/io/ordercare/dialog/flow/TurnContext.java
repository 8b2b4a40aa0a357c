package io.ordercare.dialog.flow;

import io.ordercare.dialog.conversation.Conversation;
import io.ordercare.dialog.conversation.DialogState;
import io.ordercare.dialog.customer.Identity;
import io.ordercare.dialog.nlu.Entity;
import io.ordercare.dialog.nlu.NluResult;
import io.ordercare.proto.order.v1.Order;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One customer message being answered: the conversation and its memory, what the NLU understood, who the customer
 * is, and what the answer is so far (replies, a handoff). The customer's orders are read once per turn, on first
 * use.
 */
public final class TurnContext {

    /** Why the bot hands over, with what the agent needs first. */
    public record HandoffNeed(String reason, String urgency, String orderId, String queue) {
    }

    public final Conversation conversation;
    public final DialogState state;
    public final NluResult nlu;
    public final String text;
    public final Identity identity;
    public final String gatewayCustomerId;
    public final Instant now;
    /** Identifies this turn across retries (idempotency keys of the calls it makes). */
    public final String turnKey;
    public final List<String> replies = new ArrayList<>();
    public HandoffNeed handoff;
    /** order-gateway's customer id learnt from the orders found by the channel identity. */
    public String learntCustomerId;

    private final Supplier<Uni<List<Order>>> loadOrders;
    private List<Order> orders;

    public TurnContext(Conversation conversation, DialogState state, NluResult nlu, String text, Identity identity,
            String gatewayCustomerId, Instant now, String turnKey, Supplier<Uni<List<Order>>> loadOrders) {
        this.conversation = conversation;
        this.state = state;
        this.nlu = nlu;
        this.text = text;
        this.identity = identity;
        this.gatewayCustomerId = gatewayCustomerId;
        this.now = now;
        this.turnKey = turnKey;
        this.loadOrders = loadOrders;
    }

    public Locale locale() {
        return Replies.locale(conversation.lang);
    }

    /** The customer's latest orders, newest first; read from order-gateway once per turn. */
    public Uni<List<Order>> orders() {
        if (orders != null) {
            return Uni.createFrom().item(orders);
        }
        return loadOrders.get().invoke(list -> {
            orders = list;
            if (!list.isEmpty() && learntCustomerId == null) {
                learntCustomerId = list.get(0).getCustomer().getId();
            }
        });
    }

    /** The orders read in this turn so far (empty when none were needed). */
    public List<Order> ordersRead() {
        return orders == null ? List.of() : orders;
    }

    /** Forgets the orders read so far (after a change, the next read sees the new version). */
    public void refreshOrders() {
        orders = null;
    }

    public Optional<Entity> entity(String type) {
        return nlu.entities().stream().filter(e -> e.type().equals(type)).findFirst();
    }

    public boolean isIntent(String... intents) {
        for (String i : intents) {
            if (i.equals(nlu.intent())) {
                return true;
            }
        }
        return false;
    }
}
