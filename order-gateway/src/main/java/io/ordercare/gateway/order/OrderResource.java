package io.ordercare.gateway.order;

import io.ordercare.gateway.audit.AuditEntry;
import io.ordercare.gateway.customer.CustomerIdentity;
import io.ordercare.gateway.inbound.OrderIntake;
import io.ordercare.platform.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * REST face of the order use cases. Every change names the version it was based on
 * ({@code expectedVersion}); a stale one gets 409. Errors are {@code application/problem+json}.
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderResource {

    @Inject
    OrderIntake intake;

    @Inject
    OrderService orders;

    @Inject
    OrderReader reader;

    @Inject
    Substitutes substitutes;

    /** Body of every change: the version read, who acts and why. */
    public record Change(Long expectedVersion, String actor, String reason) {
    }

    public record AddressChangeRequest(Long expectedVersion, OrderView.AddressView address, String actor,
            String reason) {
    }

    public record ItemsChangeRequest(Long expectedVersion, List<ItemChange> changes, String actor, String reason) {
    }

    public record PriceAdjustmentRequest(Long expectedVersion, Long itemId, Long unitPriceMinor, String actor,
            String reason) {
    }

    public record StatusChangeRequest(Long expectedVersion, String status, String actor, String reason) {
    }

    /**
     * The parcel handed to the carrier. {@code carrier}: upper-case code (SF, JD, CAINIAO, YTO, ZTO, STO,
     * YUNDA, EMS, UPS, FEDEX, DHL or another well-formed one); {@code origin}: the city it leaves from
     * (optional); {@code promisedDeliveryDate}: {@code YYYY-MM-DD}, not before today (Beijing time).
     */
    public record ShipmentRequest(Long expectedVersion, String actor, String reason, String carrier,
            String trackingNumber, String origin, String promisedDeliveryDate) {
    }

    /** A flag callers raise: {@code kind} CUSTOMER_UNREACHABLE, AWAITING_RESTOCK or NEEDS_AGENT; {@code detail} optional. */
    public record FlagRequest(String kind, String detail, String actor, String reason) {
    }

    /** The product to put on the line instead: a SKU of the inventory snapshot. */
    public record ReplacementRequest(Long expectedVersion, String sku, String actor, String reason) {
    }

    public record AuditView(String field, String actor, String reason, String before, String after, Instant at) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a platform order (webhook)",
            description = "Accepts a Shopify-, Taobao/Tmall- or JD-style order and stores it in canonical form. "
                    + "Idempotent on (platform, external id): a redelivery returns 200 with the stored order.")
    @APIResponse(responseCode = "201", description = "Order created")
    @APIResponse(responseCode = "200", description = "Order already known; nothing changed")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json with field errors)")
    public Uni<Response> receive(
            @Parameter(description = "shopify, taobao or jd; detected from the payload when absent")
            @QueryParam("platform") String platform,
            @HeaderParam("X-Platform") String platformHeader,
            String body) {
        return intake.accept(platform != null ? platform : platformHeader, body)
                .map(r -> r.created()
                        ? Response.created(URI.create("/api/orders/" + r.order().id())).entity(r.order()).build()
                        : Response.ok(r.order()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order in canonical form")
    public Uni<OrderView> get(@PathParam("id") String id) {
        return reader.get(id);
    }

    @GET
    @Operation(summary = "Orders of a customer, newest first",
            description = "Give exactly one of customerId, phone (E.164), email or platformAccount (e.g. taobao:nick).")
    public Uni<List<OrderView>> search(@QueryParam("customerId") String customerId, @QueryParam("phone") String phone,
            @QueryParam("email") String email, @QueryParam("platformAccount") String platformAccount,
            @QueryParam("limit") Integer limit) {
        int max = limit == null ? 20 : Math.max(1, Math.min(limit, 100));
        if (customerId != null) {
            return reader.byCustomer(customerId, max);
        }
        if (phone != null) {
            return reader.byIdentity(CustomerIdentity.Kind.PHONE, phone.replace(" ", "+").trim(), max);
        }
        if (email != null) {
            return reader.byIdentity(CustomerIdentity.Kind.EMAIL, email.toLowerCase(), max);
        }
        if (platformAccount != null) {
            return reader.byIdentity(CustomerIdentity.Kind.PLATFORM, platformAccount, max);
        }
        return Uni.createFrom().failure(InvalidRequestException.of("customerId|phone|email|platformAccount", "required"));
    }

    @PUT
    @Path("/{id}/address")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the shipping address (before packing)")
    @APIResponse(responseCode = "409", description = "Stale version, or the order is past the point of change")
    public Uni<OrderView> changeAddress(@PathParam("id") String id, AddressChangeRequest req) {
        return orders.changeAddress(id, version(req == null ? null : req.expectedVersion()), req.address(),
                new Actor(req.actor(), req.reason()));
    }

    @PUT
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change quantity, size or colour of items (before packing)")
    public Uni<OrderView> changeItems(@PathParam("id") String id, ItemsChangeRequest req) {
        return orders.changeItems(id, version(req == null ? null : req.expectedVersion()), req.changes(),
                new Actor(req.actor(), req.reason()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel the order; paid money is refunded to the original payment method")
    public Uni<OrderView> cancel(@PathParam("id") String id, Change req) {
        return orders.cancel(id, version(req == null ? null : req.expectedVersion()), new Actor(req.actor(), req.reason()));
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The customer confirmed the order")
    public Uni<OrderView> confirm(@PathParam("id") String id, Change req) {
        return orders.confirm(id, version(req == null ? null : req.expectedVersion()), new Actor(req.actor(), req.reason()));
    }

    @POST
    @Path("/{id}/price-adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the unit price of one item (a price anomaly settled with the customer)")
    public Uni<OrderView> adjustPrice(@PathParam("id") String id, PriceAdjustmentRequest req) {
        return orders.adjustPrice(id, version(req == null ? null : req.expectedVersion()), req.itemId(),
                req.unitPriceMinor(), new Actor(req.actor(), req.reason()));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the order along its lifecycle (PACKING, SHIPPED, DELIVERED, COMPLETED, ON_HOLD ...)")
    public Uni<OrderView> changeStatus(@PathParam("id") String id, StatusChangeRequest req) {
        return orders.changeStatus(id, version(req == null ? null : req.expectedVersion()), status(req.status()),
                new Actor(req.actor(), req.reason()));
    }

    @POST
    @Path("/{id}/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ship the order: status SHIPPED with its carrier, tracking number, origin and promised date",
            description = "Allowed from PACKING (or ON_HOLD for a parcel sent again). The shipment is part of the "
                    + "order from then on and travels with its events on order.changes.")
    @APIResponse(responseCode = "200", description = "Shipped; the order with its shipment")
    @APIResponse(responseCode = "400", description = "Invalid fields, all of them listed (problem+json)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Stale version, or the order cannot ship in its current state")
    public Uni<OrderView> ship(@PathParam("id") String id, ShipmentRequest req) {
        return orders.ship(id, version(req == null ? null : req.expectedVersion()), req.carrier(), req.trackingNumber(),
                req.origin(), req.promisedDeliveryDate(), new Actor(req.actor(), req.reason()));
    }

    @POST
    @Path("/{id}/flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Raise a flag for other channels and people: CUSTOMER_UNREACHABLE, AWAITING_RESTOCK, NEEDS_AGENT",
            description = "Neither the status nor the version changes, and no expectedVersion is needed. Idempotent: "
                    + "while a flag of that kind is open, the order is returned as it is. Kinds raised by the anomaly "
                    + "rules (PRICE_ANOMALY, STOCK_SHORTAGE, FRAUD_RISK, ADDRESS_CHANGED_AFTER_PAYMENT) are refused.")
    @APIResponse(responseCode = "200", description = "The order with its flags")
    @APIResponse(responseCode = "400", description = "Unknown or reserved kind, or detail over 500 characters")
    @APIResponse(responseCode = "404", description = "No such order")
    public Uni<OrderView> flag(@PathParam("id") String id, FlagRequest req) {
        FlagRequest r = req == null ? new FlagRequest(null, null, null, null) : req;
        return orders.flag(id, r.kind(), r.detail(), new Actor(r.actor(), r.reason()));
    }

    @GET
    @Path("/{id}/items/{itemId}/substitutes")
    @Operation(summary = "Products that could stand in for an item, best first",
            description = "From the inventory snapshot: same category, another SKU, enough available, priced in the "
                    + "order's currency within ordercare.substitutes.max-price-difference of the item's unit price. "
                    + "Score: price closeness + 0.5 for the same size + 0.25 for the same colour; ties by SKU.")
    @APIResponse(responseCode = "400", description = "limit outside 1..20")
    @APIResponse(responseCode = "404", description = "No such order or item")
    public Uni<List<Substitute>> substitutes(@PathParam("id") String id, @PathParam("itemId") long itemId,
            @Parameter(description = "1 to 20, default 3") @QueryParam("limit") Integer limit) {
        return substitutes.find(id, itemId, limit);
    }

    @PUT
    @Path("/{id}/items/{itemId}/replacement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the product of an item with a substitute (before packing)",
            description = "The line takes the substitute's SKU, name, category, size and colour and keeps its "
                    + "quantity; the unit price becomes the lower of the two. Open STOCK_SHORTAGE flags are resolved "
                    + "and the anomaly rules run again; the status does not change.")
    @APIResponse(responseCode = "400", description = "Unknown item or SKU, another category, no price or another currency")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Stale version, the order is past the point of change, or the "
            + "substitute is not available for the quantity")
    public Uni<OrderView> replaceItem(@PathParam("id") String id, @PathParam("itemId") long itemId,
            ReplacementRequest req) {
        ReplacementRequest r = req == null ? new ReplacementRequest(null, null, null, null) : req;
        return orders.replaceItem(id, version(r.expectedVersion()), itemId, r.sku(), new Actor(r.actor(), r.reason()));
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Audit trail of the order: who changed money, address, items or status, when and why")
    public Uni<List<AuditView>> audit(@PathParam("id") String id) {
        return orders.auditTrail(id).map(entries -> entries.stream()
                .map((AuditEntry e) -> new AuditView(e.field, e.actor, e.reason, e.beforeValue, e.afterValue, e.at))
                .toList());
    }

    private static long version(Long expectedVersion) {
        if (expectedVersion == null) {
            throw InvalidRequestException.of("expectedVersion", "required");
        }
        return expectedVersion;
    }

    private static OrderStatus status(String status) {
        if (status == null) {
            throw InvalidRequestException.of("status", "required");
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new io.ordercare.platform.FieldError("status",
                    "invalid_status", status)));
        }
    }
}
