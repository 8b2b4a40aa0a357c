package io.ordercare.gateway.order;

import static io.ordercare.gateway.order.OrderStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which, and which changes each status still allows.
 * PLACED → AWAITING_CONFIRMATION → CONFIRMED → PACKING → SHIPPED → DELIVERED → COMPLETED,
 * with ON_HOLD and CANCELLED on the side. Nothing leaves COMPLETED or CANCELLED.
 */
public final class OrderLifecycle {

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PLACED, EnumSet.of(AWAITING_CONFIRMATION, CONFIRMED, ON_HOLD, CANCELLED),
            AWAITING_CONFIRMATION, EnumSet.of(CONFIRMED, ON_HOLD, CANCELLED),
            CONFIRMED, EnumSet.of(PACKING, ON_HOLD, CANCELLED),
            PACKING, EnumSet.of(SHIPPED, ON_HOLD, CANCELLED),
            // a failed delivery or a parcel returned to sender puts a shipped order on hold
            SHIPPED, EnumSet.of(DELIVERED, ON_HOLD),
            DELIVERED, EnumSet.of(COMPLETED),
            ON_HOLD, EnumSet.of(AWAITING_CONFIRMATION, CONFIRMED, PACKING, SHIPPED, DELIVERED, CANCELLED),
            COMPLETED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    /** Before packing starts the customer may still change where it goes and what is in it. */
    private static final Set<OrderStatus> CHANGEABLE = EnumSet.of(PLACED, AWAITING_CONFIRMATION, CONFIRMED, ON_HOLD);

    private OrderLifecycle() {
    }

    public static boolean canMove(OrderStatus from, OrderStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static boolean canChangeAddress(OrderStatus status) {
        return CHANGEABLE.contains(status);
    }

    public static boolean canChangeItems(OrderStatus status) {
        return CHANGEABLE.contains(status);
    }

    public static boolean canCancel(OrderStatus status) {
        return canMove(status, CANCELLED);
    }

    public static boolean canConfirm(OrderStatus status) {
        return canMove(status, CONFIRMED);
    }
}
