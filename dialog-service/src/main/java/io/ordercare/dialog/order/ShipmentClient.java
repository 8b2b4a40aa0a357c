package io.ordercare.dialog.order;

import io.ordercare.dialog.platform.DialogConfig;
import io.ordercare.proto.shipment.v1.MutinyShipmentServiceGrpc;
import io.ordercare.proto.shipment.v1.Shipment;
import io.ordercare.proto.shipment.v1.TrackShipmentRequest;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * logistics-watcher's track of an order's outbound parcel. Optional by nature: when logistics-watcher is not
 * deployed or cannot answer, the dialog answers from the order alone.
 */
@ApplicationScoped
public class ShipmentClient {

    private static final Logger LOG = Logger.getLogger(ShipmentClient.class);

    @GrpcClient("shipments")
    MutinyShipmentServiceGrpc.MutinyShipmentServiceStub shipments;

    @Inject
    DialogConfig config;

    /** The outbound parcel of the order with its scans, prediction and alerts; empty when unknown or unreachable. */
    public Uni<Optional<Shipment>> outbound(String orderId) {
        return shipments.withDeadlineAfter(config.grpcTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .trackShipment(TrackShipmentRequest.newBuilder().setOrderId(orderId).build())
                .map(r -> r.getShipmentsList().stream()
                        .filter(s -> s.getDirection() == io.ordercare.proto.shipment.v1.Direction.OUTBOUND).findFirst())
                .onFailure().recoverWithItem(t -> {
                    CallFailure f = CallFailure.of("logistics-watcher", t);
                    if (f.kind() != CallFailure.Kind.NOT_FOUND) {
                        LOG.warnf("no track for an order status answer: %s", f.getMessage());
                    }
                    return Optional.empty();
                });
    }
}
