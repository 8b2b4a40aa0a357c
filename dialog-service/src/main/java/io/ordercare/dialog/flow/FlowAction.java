package io.ordercare.dialog.flow;

import io.ordercare.proto.order.v1.Order;
import io.smallrye.mutiny.Uni;

/**
 * The code behind a flow's {@code action}: what happens once the flow has its order, its slots and (when the flow
 * asks for it) the customer's yes. An action says its outcome through {@link TurnContext#replies}. Each is a bean;
 * {@link DialogEngine} finds it by {@link #name()}.
 */
public interface FlowAction {

    String name();

    /**
     * Fills the slot from the message (entities, or the text itself) when it can; the default takes the slot's
     * entities. Returns whether the slot is filled now.
     */
    default boolean fill(TurnContext ctx, Flow.Slot slot, Order order) {
        boolean filled = false;
        for (String type : slot.entities()) {
            var e = ctx.entity(type);
            if (e.isPresent()) {
                ctx.state.slots.put(type, e.get().value());
                filled = true;
            }
        }
        if (filled) {
            ctx.state.slots.put(slot.name(), "filled");
        }
        return filled;
    }

    /** Arguments of the slot's question (e.g. the items to choose from). */
    default Object[] askArgs(TurnContext ctx, Flow.Slot slot, Order order, Replies replies) {
        return new Object[0];
    }

    /**
     * Last checks before the read-back (e.g. asking another service whether it is possible at all). Returns false
     * when it answered the customer itself and the flow ends here.
     */
    default Uni<Boolean> prepare(TurnContext ctx, Flow flow, Order order) {
        return Uni.createFrom().item(true);
    }

    /** Arguments of the flow's read-back question. */
    default Object[] confirmArgs(TurnContext ctx, Order order, Replies replies) {
        return new Object[0];
    }

    /** Does the work and says the outcome; a {@link io.ordercare.dialog.order.CallFailure} is answered by the engine. */
    Uni<Void> run(TurnContext ctx, Flow flow, Order order);
}
