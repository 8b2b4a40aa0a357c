package io.ordercare.logistics.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordercare.logistics.detection.Finding;
import io.ordercare.logistics.detection.RouteProfile;
import io.ordercare.logistics.detection.SuggestedAction;
import io.ordercare.logistics.platform.LogisticsConfig;
import io.ordercare.logistics.shipment.Parcel;
import io.ordercare.logistics.shipment.ParcelStore;
import io.ordercare.logistics.tracking.CarrierScan;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.Messages;
import io.ordercare.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * The CloudEvents logistics-watcher publishes: alerts on {@code logistics.alerts} and return-parcel scans on
 * {@code logistics.return-scans}, keyed and {@code subject}ed by order id. Alert data carries the facts (order,
 * customer, parcel, where it was last seen, how long it has been silent, the prediction and the promise), the
 * suggested actions and a sentence in English and Chinese for whoever tells the customer.
 */
@ApplicationScoped
public class AlertEvents {

    static final String SOURCE = "/logistics-watcher";

    @Inject
    ObjectMapper json;

    @Inject
    Messages messages;

    @Inject
    LogisticsConfig config;

    public ParcelStore.NewAlert alert(Parcel p, Finding f, RouteProfile route, Instant now, String topic) {
        UUID id = UUID.randomUUID();
        ObjectNode data = json.createObjectNode();
        data.put("alertId", id.toString());
        // names the occurrence (the silence that began at a given scan...): one alert per episode, and whoever
        // tells the customer tells them once per episode too
        data.put("episode", f.episode());
        data.put("orderId", p.orderId);
        putIfPresent(data, "customerId", p.customerId);
        data.put("shipmentId", p.id);
        data.put("direction", p.direction.name());
        putIfPresent(data, "returnId", p.returnId);
        data.put("carrier", p.carrier);
        data.put("trackingNumber", p.trackingNumber);
        data.put("status", p.status.name());
        putIfPresent(data, "hub", p.lastHub);
        putIfPresent(data, "city", p.lastCity);
        putIfPresent(data, "lastScanAt", p.lastScanAt);
        data.put("shippedAt", p.shippedAt.toString());
        if (f.silentFor() != null) {
            data.put("silentForSeconds", f.silentFor().toSeconds());
            data.put("stuckAfterSeconds", route.stuckAfter().toSeconds());
        }
        putIfPresent(data, "thresholdCrossedAt", f.dueAt());
        putIfPresent(data, "promisedDate", p.promisedDate);
        putIfPresent(data, "predictedArrival", p.predictedArrival);
        data.put("predictionBasis", route.transitLearned() ? "ROUTE_HISTORY" : "DEFAULT");
        data.put("predictionSampleSize", route.transitSamples());
        data.put("deliveryAttempts", p.deliveryAttempts);
        var actions = data.putArray("suggestedActions");
        f.type().suggestedActions().stream().map(SuggestedAction::name).forEach(actions::add);
        ObjectNode message = data.putObject("message");
        message.put("en", sentence(Locale.ENGLISH, p, f));
        message.put("zh", sentence(Messages.ZH, p, f));

        CloudEvent event = CloudEvent.of(id.toString(), SOURCE, f.type().eventType(), now, p.orderId, data);
        return new ParcelStore.NewAlert(id, p.id, p.orderId, f.type().eventType(), f.episode(), now, f.dueAt(),
                data.toString(), topic, p.orderId, write(event));
    }

    /** A scan of a return parcel, for returns-service to move its return request along. */
    public Outbox.Event returnScan(Parcel p, CarrierScan scan, Instant now, String topic) {
        ObjectNode data = json.createObjectNode();
        putIfPresent(data, "returnId", p.returnId);
        data.put("orderId", p.orderId);
        data.put("shipmentId", p.id);
        data.put("carrier", p.carrier);
        data.put("trackingNumber", p.trackingNumber);
        data.put("status", p.status.name());
        ObjectNode s = data.putObject("scan");
        s.put("scannedAt", scan.scannedAt().toString());
        s.put("code", scan.code().name());
        s.put("carrierCode", scan.carrierCode());
        putIfPresent(s, "hub", scan.hub());
        putIfPresent(s, "city", scan.city());
        putIfPresent(s, "description", scan.description());
        // the same scan always gets the same id, so a consumer can drop a repeat
        UUID id = UUID.nameUUIDFromBytes((p.carrier + "|" + p.trackingNumber + "|" + scan.scannedAt() + "|"
                + scan.code()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CloudEvent event = CloudEvent.of(id.toString(), SOURCE, "return-parcel.scanned", now, p.orderId, data);
        return new Outbox.Event(id, topic, p.orderId, write(event));
    }

    private String sentence(Locale l, Parcel p, Finding f) {
        String place = p.lastHub != null ? p.lastHub : p.lastCity != null ? p.lastCity
                : messages.text("alerts", l, "unknown-place");
        String hours = f.silentFor() == null ? "" : String.valueOf(f.silentFor().toHours());
        return messages.text("alerts", l, f.type().name(), p.carrier, p.trackingNumber, hours, place,
                string(p.promisedDate), p.predictedArrival == null ? "" : LocalDate.ofInstant(p.predictedArrival,
                        config.detection().promiseZone()).toString(),
                String.valueOf(p.deliveryAttempts));
    }

    private String write(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString();
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
