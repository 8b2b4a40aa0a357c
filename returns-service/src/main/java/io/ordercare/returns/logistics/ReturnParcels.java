package io.ordercare.returns.logistics;

import io.ordercare.proto.shipment.v1.MutinyShipmentServiceGrpc;
import io.ordercare.proto.shipment.v1.RegisterReturnParcelRequest;
import io.ordercare.returns.platform.ReturnsConfig;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Registers return parcels with logistics-watcher ({@code ShipmentService/RegisterReturnParcel}), which then
 * publishes every scan of the parcel on {@code logistics.return-scans}. Registration is idempotent there, so it is
 * retried a few times; switched off ({@code ordercare.returns.logistics.enabled=false}) where logistics-watcher
 * does not run, the registrations are only remembered (tests assert on them).
 */
@ApplicationScoped
public class ReturnParcels {

    private static final Logger LOG = Logger.getLogger(ReturnParcels.class);

    /** One registration asked for. */
    public record Registration(String returnId, String orderId, String carrier, String trackingNumber, String origin,
            String destination) {
    }

    @GrpcClient("shipments")
    MutinyShipmentServiceGrpc.MutinyShipmentServiceStub shipments;

    @Inject
    ReturnsConfig config;

    private final List<Registration> registered = new CopyOnWriteArrayList<>();

    public Uni<Void> register(Registration r) {
        registered.add(r);
        if (!config.logistics().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> shipments.withDeadlineAfter(5, TimeUnit.SECONDS)
                .registerReturnParcel(RegisterReturnParcelRequest.newBuilder().setReturnId(r.returnId())
                        .setOrderId(r.orderId()).setCarrier(r.carrier()).setTrackingNumber(r.trackingNumber())
                        .setOrigin(r.origin() == null ? "" : r.origin())
                        .setDestination(r.destination() == null ? "" : r.destination()).build()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(3)
                .invoke(s -> LOG.infof("return %s: parcel %s %s registered with logistics-watcher", r.returnId(),
                        r.carrier(), r.trackingNumber()))
                .replaceWithVoid()
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("return %s: parcel not registered with logistics-watcher: %s", r.returnId(),
                            t.getMessage());
                    return null;
                });
    }

    /** The registrations asked for since start (for tests and diagnostics). */
    public List<Registration> registered() {
        return List.copyOf(registered);
    }
}
