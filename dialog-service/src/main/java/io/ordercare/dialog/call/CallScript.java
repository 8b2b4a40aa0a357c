package io.ordercare.dialog.call;

import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.proto.order.v1.Order;
import io.smallrye.mutiny.Uni;

/**
 * What the robot says on one kind of call ({@link io.ordercare.dialog.campaign.CampaignKind#script()}): its first
 * words once a person answers, and its answer to each reply, step by step ({@link CallTurn#ask}). Each is a bean;
 * {@link CallService} finds it by {@link #name()}.
 */
public interface CallScript {

    String name();

    /** Whether the order still needs this contact when it comes due; otherwise it is skipped undialled. */
    boolean stillNeeded(Order order, CallTask task);

    /** The opening, once a person picked up. */
    Uni<Void> open(CallTurn t);

    /** The customer's reply to the question asked at {@link CallTurn#step()}. */
    Uni<Void> answer(CallTurn t);
}
