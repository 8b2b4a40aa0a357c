package io.ordercare.logistics.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.ordercare.logistics.detection.RouteKey;
import io.ordercare.logistics.detection.RouteProfile;
import io.ordercare.logistics.detection.RouteStatistics;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The questions and commands of the service's callers: the track of an order's parcels or of one tracking
 * number (scans, prediction, alerts), and registering a return parcel to watch.
 */
@ApplicationScoped
public class ShipmentService {

    private static final String CARRIER = "[A-Z0-9_-]{1,32}";
    private static final String TRACKING_NUMBER = "[A-Za-z0-9-]{6,40}";

    @Inject
    ShipmentTracking tracking;

    @Inject
    RouteStatistics routes;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The shipments of an order, oldest first. */
    @WithSpan("shipment.track-order")
    public Uni<List<ShipmentView>> byOrder(@SpanAttribute("order.id") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("orderId", "required"));
        }
        return Panache.withSession(() -> Shipment.<Shipment>list("orderId = ?1 order by id", orderId.strip())
                .chain(list -> views(list, orderId)));
    }

    /** The parcel with this tracking number (of this carrier, when given). */
    @WithSpan("shipment.track-parcel")
    public Uni<List<ShipmentView>> byTrackingNumber(String trackingNumber, String carrier) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Uni.createFrom().failure(InvalidRequestException.of("trackingNumber", "required"));
        }
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        return Panache.withSession(() -> (carrier == null || carrier.isBlank()
                ? Shipment.<Shipment>list("trackingNumber = ?1 order by id", number)
                : Shipment.<Shipment>list("trackingNumber = ?1 and carrier = ?2 order by id", number,
                        carrier.strip().toUpperCase(Locale.ROOT)))
                .chain(list -> views(list, number)));
    }

    /** A return parcel to watch; its scans will be published for returns-service. Idempotent on carrier + number. */
    @WithSpan("shipment.register-return")
    public Uni<ShipmentView> registerReturn(String returnId, String orderId, String carrier, String trackingNumber,
            String origin, String destination) {
        List<FieldError> errors = new ArrayList<>();
        if (returnId == null || returnId.isBlank()) {
            errors.add(new FieldError("returnId", "required", null));
        }
        if (orderId == null || orderId.isBlank()) {
            errors.add(new FieldError("orderId", "required", null));
        }
        String c = carrier == null ? null : carrier.strip().toUpperCase(Locale.ROOT);
        if (c == null || c.isEmpty()) {
            errors.add(new FieldError("carrier", "required", null));
        } else if (!c.matches(CARRIER)) {
            errors.add(new FieldError("carrier", "invalid_carrier", c));
        }
        String n = trackingNumber == null ? null : trackingNumber.strip();
        if (n == null || n.isEmpty()) {
            errors.add(new FieldError("trackingNumber", "required", null));
        } else if (!n.matches(TRACKING_NUMBER)) {
            errors.add(new FieldError("trackingNumber", "invalid_tracking_number", n));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        Parcel p = new Parcel();
        p.direction = Direction.RETURN;
        p.returnId = returnId.strip();
        p.orderId = orderId.strip();
        p.carrier = c;
        p.trackingNumber = n.toUpperCase(Locale.ROOT);
        p.origin = origin == null ? "" : origin.strip();
        p.destination = destination == null ? "" : destination.strip();
        p.shippedAt = clock.instant();
        return tracking.open(List.of(p))
                .chain(created -> byTrackingNumber(p.trackingNumber, p.carrier))
                .map(list -> list.get(0));
    }

    private Uni<List<ShipmentView>> views(List<Shipment> shipments, String key) {
        if (shipments.isEmpty()) {
            return Uni.createFrom().failure(new ShipmentNotFoundException(key));
        }
        List<String> numbers = shipments.stream().map(s -> s.trackingNumber).distinct().toList();
        List<Long> ids = shipments.stream().map(s -> s.id).toList();
        return Scan.<Scan>list("trackingNumber in ?1 order by scannedAt, id", numbers)
                .chain(scans -> ShipmentAlert.<ShipmentAlert>list("shipmentId in ?1 order by raisedAt", ids)
                        .map(alerts -> {
                            Map<Long, List<ShipmentView.AlertView>> alertsOf = new LinkedHashMap<>();
                            alerts.forEach(a -> alertsOf.computeIfAbsent(a.shipmentId, k -> new ArrayList<>()).add(alert(a)));
                            return shipments.stream().map(s -> view(s, scans.stream()
                                    .filter(x -> x.carrier.equals(s.carrier) && x.trackingNumber.equals(s.trackingNumber))
                                    .map(x -> new ShipmentView.ScanView(x.scannedAt, x.code, x.carrierCode, x.hub, x.city,
                                            x.description))
                                    .toList(), alertsOf.getOrDefault(s.id, List.of()))).toList();
                        }));
    }

    private ShipmentView view(Shipment s, List<ShipmentView.ScanView> scans, List<ShipmentView.AlertView> alerts) {
        RouteProfile route = routes.profile(new RouteKey(s.carrier, s.origin, s.destination));
        Boolean onTime = null;
        if (s.promisedDate != null) {
            java.time.Instant deadline = s.promisedDate.plusDays(1)
                    .atStartOfDay(routes.thresholds().promiseZone()).toInstant();
            java.time.Instant arrival = s.deliveredAt != null ? s.deliveredAt : s.predictedArrival;
            onTime = arrival == null ? null : !arrival.isAfter(deadline);
        }
        ShipmentView.Prediction prediction = new ShipmentView.Prediction(
                s.deliveredAt != null ? s.deliveredAt : s.predictedArrival, onTime,
                route.transitLearned() ? "ROUTE_HISTORY" : "DEFAULT", route.transitSamples(), route.stuckAfter().toString());
        return new ShipmentView(s.id, s.orderId, s.carrier, s.trackingNumber, s.direction, s.returnId, s.status,
                s.origin, s.destination, s.shippedAt, s.promisedDate, s.deliveredAt, s.lastScanAt, s.lastHub,
                s.deliveryAttempts, prediction, scans, alerts);
    }

    private ShipmentView.AlertView alert(ShipmentAlert a) {
        try {
            JsonNode data = json.readTree(a.data);
            List<String> actions = new ArrayList<>();
            data.path("suggestedActions").forEach(x -> actions.add(x.asText()));
            Map<String, String> message = new LinkedHashMap<>();
            data.path("message").fields().forEachRemaining(e -> message.put(e.getKey(), e.getValue().asText()));
            return new ShipmentView.AlertView(a.type, a.raisedAt, actions, message);
        } catch (Exception e) {
            return new ShipmentView.AlertView(a.type, a.raisedAt, List.of(), Map.of());
        }
    }
}
