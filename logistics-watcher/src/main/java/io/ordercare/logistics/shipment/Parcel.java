package io.ordercare.logistics.shipment;

import io.ordercare.logistics.detection.AlertType;
import io.ordercare.logistics.detection.Finding;
import io.ordercare.logistics.detection.RouteKey;
import io.ordercare.logistics.tracking.CarrierScan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tracked state of one shipment as the hot paths (scan ingest, sweep) work on it: plain fields, no
 * persistence. {@link #apply} folds newly stored scans into it.
 */
public class Parcel {

    public long id;
    public String carrier;
    public String trackingNumber;
    public Direction direction;
    public String orderId;
    public String customerId;
    public String returnId;
    public String origin = "";
    public String destination = "";
    public LocalDate promisedDate;
    public Instant shippedAt;
    public ShipmentStatus status = ShipmentStatus.AWAITING_PICKUP;
    public Instant lastScanAt;
    public String lastScanCode;
    public String lastHub;
    public String lastCity;
    public int scanCount;
    public int deliveryAttempts;
    public Instant deliveredAt;
    public Instant predictedArrival;
    public Instant nextCheckAt;
    public Instant stuckAlertedFor;
    public Instant lostAlertedFor;
    public LocalDate delayAlertedFor;
    /** Order status still to push to order-gateway (DELIVERED or ON_HOLD), with why and when to try next. */
    public String orderSyncStatus;
    public String orderSyncReason;
    public int orderSyncAttempts;
    public Instant orderSyncDueAt;

    public RouteKey route() {
        return new RouteKey(carrier, origin, destination);
    }

    /** When the parcel last showed a sign of life: its latest scan, or its shipping before any scan. */
    public Instant lastActivity() {
        return lastScanAt != null && lastScanAt.isAfter(shippedAt) ? lastScanAt : shippedAt;
    }

    /** What a batch of scans taught (gaps, transit time) and raised (findings of the scans themselves). */
    public record ScanOutcome(List<Duration> gaps, Duration transit, List<Finding> findings) {
    }

    /**
     * Folds scans just stored (never seen before) into the state. A scan newer than the latest moves the
     * parcel on; an older one arriving late only joins the history, except that a delivery is final
     * whenever its scan arrives. Gaps are learned only between consecutive scans in time order.
     */
    public ScanOutcome apply(List<CarrierScan> fresh, Instant now) {
        List<CarrierScan> scans = new ArrayList<>(fresh);
        scans.sort(Comparator.comparing(CarrierScan::scannedAt));
        List<Duration> gaps = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Duration transit = null;
        for (CarrierScan scan : scans) {
            scanCount++;
            boolean newest = lastScanAt == null || !scan.scannedAt().isBefore(lastScanAt);
            if (newest) {
                if (lastScanAt != null && !status.isFinal() && scan.scannedAt().isAfter(lastScanAt)) {
                    gaps.add(Duration.between(lastScanAt, scan.scannedAt()));
                }
                lastScanAt = scan.scannedAt();
                lastScanCode = scan.code().name();
                lastHub = scan.hub();
                lastCity = scan.city();
                if (status != ShipmentStatus.DELIVERED) {
                    status = ShipmentStatus.after(scan.code());
                }
            }
            switch (scan.code()) {
                case DELIVERED -> {
                    if (deliveredAt == null) {
                        deliveredAt = scan.scannedAt();
                        status = ShipmentStatus.DELIVERED;
                        transit = Duration.between(shippedAt, deliveredAt);
                        if (direction == Direction.OUTBOUND) {
                            requestOrderStatus("DELIVERED", "delivered: carrier scan at " + deliveredAt, now);
                        }
                    }
                }
                case DELIVERY_FAILED -> {
                    deliveryAttempts++;
                    if (deliveredAt == null) {
                        findings.add(new Finding(AlertType.DELIVERY_FAILED, "attempt-" + deliveryAttempts,
                                scan.scannedAt(), null));
                        if (direction == Direction.OUTBOUND) {
                            requestOrderStatus("ON_HOLD", "delivery failed (attempt " + deliveryAttempts + ")", now);
                        }
                    }
                }
                case RETURNED_TO_SENDER -> {
                    if (deliveredAt == null) {
                        findings.add(new Finding(AlertType.RETURNED_TO_SENDER, "returned", scan.scannedAt(), null));
                        if (direction == Direction.OUTBOUND) {
                            requestOrderStatus("ON_HOLD", "parcel returned to sender", now);
                        }
                    }
                }
                case ADDRESS_PROBLEM -> {
                    if (deliveredAt == null) {
                        findings.add(new Finding(AlertType.ADDRESS_PROBLEM, scan.scannedAt().toString(),
                                scan.scannedAt(), null));
                    }
                }
                default -> {
                }
            }
        }
        return new ScanOutcome(gaps, transit, findings);
    }

    /** A delivery always wins over a hold still waiting to be pushed. */
    private void requestOrderStatus(String target, String reason, Instant now) {
        if ("DELIVERED".equals(orderSyncStatus) && !"DELIVERED".equals(target)) {
            return;
        }
        orderSyncStatus = target;
        orderSyncReason = reason;
        orderSyncAttempts = 0;
        orderSyncDueAt = now;
    }
}
