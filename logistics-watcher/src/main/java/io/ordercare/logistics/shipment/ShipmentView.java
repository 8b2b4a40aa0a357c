package io.ordercare.logistics.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A parcel with its whole track: what REST returns and what the gRPC answer is made from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentView(long id, String orderId, String carrier, String trackingNumber, Direction direction,
        String returnId, ShipmentStatus status, String origin, String destination, Instant shippedAt,
        LocalDate promisedDate, Instant deliveredAt, Instant lastScanAt, String lastHub, int deliveryAttempts,
        Prediction prediction, List<ScanView> scans, List<AlertView> alerts) {

    /**
     * @param basis ROUTE_HISTORY when the route's own deliveries ({@code sampleSize}) say it, DEFAULT otherwise
     * @param stuckAfter how long this route's parcels may go without a scan (ISO-8601)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prediction(Instant predictedArrival, Boolean onTime, String basis, long sampleSize, String stuckAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScanView(Instant scannedAt, String code, String carrierCode, String hub, String city,
            String description) {
    }

    /** @param message what to tell the customer, by language ({@code en}, {@code zh}) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlertView(String type, Instant raisedAt, List<String> suggestedActions, Map<String, String> message) {
    }
}
