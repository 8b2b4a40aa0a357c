package io.ordercare.dialog.flow;

import java.util.List;
import java.util.Map;

/**
 * One dialog flow as written in {@code flows/<id>.yaml}: which intents start it, whether the customer must be
 * verified and an order be in focus, in which order statuses it may act, the slots it fills (from which entities,
 * with which question), whether the change is read back for confirmation, the action it runs and the reply keys
 * (in {@code i18n/replies[_zh].properties}) for the outcomes. The flow is data; the actions are code
 * ({@link FlowAction}).
 *
 * @param order     {@code required} (ask which when several), {@code latest} (the most recent one when none was
 *                  named) or {@code none}
 * @param statuses  order statuses the action is allowed in; empty = any
 * @param refused   reply when the order's status does not allow it (argument 0: the status, in words)
 * @param confirm   reply key of the read-back question; empty = act at once
 * @param failures  reply key per failure kind of the action (CONFLICT, REFUSED, NOT_FOUND, INVALID, UNAVAILABLE)
 * @param fallbackFlow the flow the request means when the order's status does not allow this one (换成XL before
 *                  delivery changes the item; after delivery it exchanges it)
 */
public record Flow(String id, int version, List<String> intents, boolean verify, String order,
        List<String> statuses, String refused, List<Slot> slots, String confirm, String action,
        Map<String, String> failures, String handoffQueue, String fallbackFlow) {

    /** A value the flow needs: filled from any of {@code entities} of a message, else asked with {@code ask}. */
    public record Slot(String name, List<String> entities, String ask) {
    }

    public boolean needsOrder() {
        return !"none".equals(order);
    }

    public boolean allows(String status) {
        return statuses == null || statuses.isEmpty() || statuses.contains(status);
    }

    public List<Slot> slotList() {
        return slots == null ? List.of() : slots;
    }

    public String failure(String kind) {
        return failures == null ? null : failures.get(kind);
    }
}
