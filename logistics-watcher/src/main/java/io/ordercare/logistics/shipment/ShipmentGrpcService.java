package io.ordercare.logistics.shipment;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.platform.GrpcStatuses;
import io.ordercare.proto.shipment.v1.Alert;
import io.ordercare.proto.shipment.v1.Prediction;
import io.ordercare.proto.shipment.v1.RegisterReturnParcelRequest;
import io.ordercare.proto.shipment.v1.TrackShipmentRequest;
import io.ordercare.proto.shipment.v1.TrackShipmentResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/** gRPC {@code ShipmentService}: translates and delegates to {@link ShipmentService}. */
@GrpcService
public class ShipmentGrpcService implements io.ordercare.proto.shipment.v1.ShipmentService {


    @Inject
    ShipmentService shipments;

    @Override
    public Uni<TrackShipmentResponse> trackShipment(TrackShipmentRequest request) {
        Uni<java.util.List<ShipmentView>> found = switch (request.getKeyCase()) {
            case ORDER_ID -> shipments.byOrder(request.getOrderId());
            case TRACKING_NUMBER -> shipments.byTrackingNumber(request.getTrackingNumber(), request.getCarrier());
            case KEY_NOT_SET -> Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("order_id or tracking_number is required").asRuntimeException());
        };
        return found.map(list -> TrackShipmentResponse.newBuilder()
                .addAllShipments(list.stream().map(ShipmentGrpcService::proto).toList()).build())
                .onFailure().transform(ShipmentGrpcService::toStatus);
    }

    @Override
    public Uni<io.ordercare.proto.shipment.v1.Shipment> registerReturnParcel(RegisterReturnParcelRequest r) {
        return shipments.registerReturn(r.getReturnId(), r.getOrderId(), r.getCarrier(), r.getTrackingNumber(),
                r.getOrigin(), r.getDestination())
                .map(ShipmentGrpcService::proto)
                .onFailure().transform(ShipmentGrpcService::toStatus);
    }

    static io.ordercare.proto.shipment.v1.Shipment proto(ShipmentView v) {
        var b = io.ordercare.proto.shipment.v1.Shipment.newBuilder()
                .setId(v.id()).setOrderId(v.orderId()).setCarrier(v.carrier()).setTrackingNumber(v.trackingNumber())
                .setDirection(io.ordercare.proto.shipment.v1.Direction.valueOf(v.direction().name()))
                .setStatus(v.status().name()).setOrigin(nz(v.origin())).setDestination(nz(v.destination()))
                .setShippedAt(str(v.shippedAt())).setPromisedDate(str(v.promisedDate()))
                .setDeliveredAt(str(v.deliveredAt())).setLastScanAt(str(v.lastScanAt())).setLastHub(nz(v.lastHub()))
                .setDeliveryAttempts(v.deliveryAttempts()).setReturnId(nz(v.returnId()));
        ShipmentView.Prediction p = v.prediction();
        if (p != null) {
            b.setPrediction(Prediction.newBuilder().setPredictedArrival(str(p.predictedArrival()))
                    .setOnTime(p.onTime() == null || p.onTime()).setBasis(p.basis()).setSampleSize(p.sampleSize())
                    .setStuckAfter(nz(p.stuckAfter())));
        }
        v.scans().forEach(s -> b.addScans(io.ordercare.proto.shipment.v1.Scan.newBuilder()
                .setScannedAt(str(s.scannedAt())).setCode(s.code()).setCarrierCode(nz(s.carrierCode()))
                .setHub(nz(s.hub())).setCity(nz(s.city())).setDescription(nz(s.description()))));
        v.alerts().forEach(a -> b.addAlerts(Alert.newBuilder().setType(a.type()).setRaisedAt(str(a.raisedAt()))
                .addAllSuggestedActions(a.suggestedActions())));
        return b.build();
    }

    static StatusRuntimeException toStatus(Throwable t) {
        if (t instanceof ShipmentNotFoundException e) {
            return Status.NOT_FOUND.withDescription("no shipment for " + e.key()).asRuntimeException();
        }
        return GrpcStatuses.common(t);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
