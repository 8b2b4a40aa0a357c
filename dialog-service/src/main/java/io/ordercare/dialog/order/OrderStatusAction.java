package io.ordercare.dialog.order;

import io.ordercare.dialog.flow.Flow;
import io.ordercare.dialog.flow.FlowAction;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.flow.TurnContext;
import io.ordercare.proto.order.v1.Flag;
import io.ordercare.proto.order.v1.Order;
import io.ordercare.proto.shipment.v1.Alert;
import io.ordercare.proto.shipment.v1.Scan;
import io.ordercare.proto.shipment.v1.Shipment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Where the order stands, in words, with the tip that fits: confirmation pending, packing (ships today), on its
 * way (carrier, last scan, expected date), late (the reason from the track's alert and the new estimate), on hold
 * (why), delivered, cancelled. Only facts of the order and its track.
 */
@ApplicationScoped
public class OrderStatusAction implements FlowAction {

    @Inject
    Replies replies;

    @Inject
    ShipmentClient shipments;

    @Override
    public String name() {
        return "order_status";
    }

    @Override
    public Uni<Void> run(TurnContext ctx, Flow flow, Order o) {
        Locale l = ctx.locale();
        String number = Replies.orderNumber(o);
        String items = replies.items(l, o);
        return switch (o.getStatus()) {
            case SHIPPED -> shipments.outbound(o.getId()).invoke(track -> {
                if (track.isEmpty()) {
                    ctx.replies.add(replies.text(l, "status-reply.SHIPPED", number, items, o.getShipment().getCarrier(),
                            o.getShipment().getTrackingNumber(), replies.date(l, o.getShipment().getPromisedDeliveryDate())));
                } else {
                    ctx.replies.add(inTransit(l, number, items, track.get()));
                }
            }).replaceWithVoid();
            case ON_HOLD -> say(ctx, replies.text(l, "status-reply.ON_HOLD", number, items, holdReason(l, o)));
            case DELIVERED, COMPLETED -> say(ctx, replies.text(l, "status-reply.DELIVERED", number, items,
                    replies.date(l, o.getUpdatedAt())));
            default -> say(ctx, replies.text(l, "status-reply." + o.getStatus().name(), number, items));
        };
    }

    private String inTransit(Locale l, String number, String items, Shipment s) {
        String last = "";
        if (s.getScansCount() > 0) {
            Scan scan = s.getScans(s.getScansCount() - 1);
            String where = scan.getCity().isBlank() ? scan.getHub() : scan.getCity();
            last = replies.text(l, "track.last-scan", where, replies.date(l, scan.getScannedAt()),
                    replies.textOr(l, "scan." + scan.getCode(), "scan.OTHER"));
        }
        String carrier = s.getCarrier() + " " + s.getTrackingNumber();
        if ("DELIVERY_FAILED".equals(s.getStatus()) || "OUT_FOR_DELIVERY".equals(s.getStatus())) {
            return replies.text(l, "track." + s.getStatus(), number, items, carrier, last);
        }
        Alert alert = s.getAlertsCount() == 0 ? null : s.getAlerts(s.getAlertsCount() - 1);
        boolean late = s.hasPrediction() && !s.getPrediction().getOnTime();
        if (late || alert != null) {
            String reason = alert != null ? replies.textOr(l, "alert." + alert.getType(), "alert.OTHER")
                    : replies.text(l, "alert.shipment.delay-risk");
            String estimate = s.hasPrediction() ? replies.date(l, s.getPrediction().getPredictedArrival()) : "";
            return replies.text(l, "track.late", number, items, carrier, last, reason, estimate,
                    replies.date(l, s.getPromisedDate()));
        }
        String estimate = s.hasPrediction() ? replies.date(l, s.getPrediction().getPredictedArrival())
                : replies.date(l, s.getPromisedDate());
        return replies.text(l, "track.on-the-way", number, items, carrier, last, estimate);
    }

    private String holdReason(Locale l, Order o) {
        for (Flag f : o.getFlagsList()) {
            if (!f.getResolved()) {
                return replies.textOr(l, "hold." + f.getKind(), "hold.OTHER");
            }
        }
        return replies.text(l, "hold.OTHER");
    }

    private static Uni<Void> say(TurnContext ctx, String text) {
        ctx.replies.add(text);
        return Uni.createFrom().voidItem();
    }
}
