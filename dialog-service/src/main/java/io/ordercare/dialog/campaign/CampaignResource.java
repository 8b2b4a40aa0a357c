package io.ordercare.dialog.campaign;

import io.ordercare.dialog.call.ConfirmationScript;
import io.ordercare.dialog.campaign.contact.CallingWindow;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Campaigns over REST: start one by hand for a list of orders (confirmation calls, or any other kind), add orders,
 * pause, resume, cancel, the contacts and their outcomes, and live progress (counts per outcome, rate, ETA) as JSON
 * and as server-sent events.
 */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    static final int MAX_ORDERS = 10_000;

    @Inject
    Campaigns campaigns;

    @Inject
    CallTasks tasks;

    @Inject
    OrderClient orders;

    @Inject
    Clock clock;

    public record CampaignRequest(
            @Schema(example = "Double 11 confirmations") String name,
            @Schema(description = "CONFIRMATION (default), STOCK_SHORTAGE, PRICE_ANOMALY, LOGISTICS or SURVEY") String kind,
            @Schema(description = "order-gateway order ids, at most 10,000 (add more with POST /{id}/orders)") List<String> orderIds,
            @Schema(description = "Daily calling slots in the customer's local time", example = "09:00-12:00,14:00-21:00") String callingWindow,
            @Schema(example = "3") Integer maxAttempts,
            @Schema(description = "ISO-8601 duration or e.g. 2H, 30M", example = "PT2H") String retrySpacing,
            @Schema(description = "Calls at once", example = "20") Integer concurrency,
            @Schema(description = "Wait for each customer's likeliest hour (default true)") Boolean bestTime,
            @Schema(description = "Confirmation checks read back, in order (default identity, address, phone, items)") List<String> checks) {
    }

    public record OrdersRequest(List<String> orderIds, List<String> checks) {
    }

    public record CampaignView(UUID id, String name, CampaignKind kind, Campaign.Trigger trigger, Campaign.Status status,
            String callingWindow, int maxAttempts, String retrySpacing, int concurrency, boolean bestTime,
            Instant createdAt, Instant finishedAt, long version) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.id, c.name, c.kind, c.trigger, c.status, c.callingWindow, c.maxAttempts,
                    Duration.ofSeconds(c.retrySpacingSeconds).toString(), c.concurrency, c.bestTime, c.createdAt,
                    c.finishedAt, c.version);
        }
    }

    /** The outcome of adding orders: planned now, planned before (the same episode), unknown to order-gateway. */
    public record Planned(CampaignView campaign, int planned, int alreadyPlanned, List<String> notFound) {
    }

    public record Progress(UUID campaignId, Campaign.Status status, long total, long pending, long dialing, long inCall,
            long done, Map<String, Long> outcomes, long attempts, double perMinute, Long etaSeconds, Instant nextDueAt,
            Instant at) {
    }

    public record ContactView(UUID id, UUID campaignId, String orderId, CampaignKind kind, String channel, String phone,
            String lang, String zone, String status, String outcome, int attempts, Instant nextAttemptAt) {
        static ContactView of(CallTask t) {
            return new ContactView(t.id(), t.campaignId(), t.orderId(), t.kind(), t.channel(), t.maskedPhone(), t.lang(),
                    t.zone(), t.status(), t.outcome(), t.attempts(), t.nextAttemptAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a campaign for a list of orders (the same Idempotency-Key answers the same campaign)")
    @APIResponse(responseCode = "201", description = "Created, with how many contacts were planned")
    @APIResponse(responseCode = "400", description = "Invalid request: every invalid field listed (problem+json, en/zh)")
    public Uni<Response> create(CampaignRequest r, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (r == null) {
            throw InvalidRequestException.of("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        CampaignKind kind = CampaignKind.CONFIRMATION;
        if (r.kind() != null) {
            try {
                kind = CampaignKind.valueOf(r.kind().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "invalid_value", r.kind()));
            }
        }
        if (r.callingWindow() != null) {
            try {
                CallingWindow.parse(r.callingWindow());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("callingWindow", "invalid_value", r.callingWindow()));
            }
        }
        if (r.maxAttempts() != null && (r.maxAttempts() < 1 || r.maxAttempts() > 10)) {
            errors.add(new FieldError("maxAttempts", "out_of_range", String.valueOf(r.maxAttempts())));
        }
        if (r.concurrency() != null && (r.concurrency() < 1 || r.concurrency() > 1000)) {
            errors.add(new FieldError("concurrency", "out_of_range", String.valueOf(r.concurrency())));
        }
        Duration spacing = null;
        if (r.retrySpacing() != null) {
            spacing = duration(r.retrySpacing());
            if (spacing == null || spacing.isNegative()) {
                errors.add(new FieldError("retrySpacing", "invalid_value", r.retrySpacing()));
            }
        }
        if (r.name() != null && r.name().length() > 200) {
            errors.add(new FieldError("name", "too_long", null));
        }
        validateOrders(r.orderIds(), r.checks(), errors);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            errors.add(new FieldError("Idempotency-Key", "invalid_value", null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Campaigns.Settings s = new Campaigns.Settings(r.name(), kind, r.callingWindow(), r.maxAttempts(), spacing,
                r.concurrency(), r.bestTime());
        return campaigns.create(s, idempotencyKey)
                .chain(c -> add(c, r.orderIds(), r.checks()))
                .map(p -> Response.status(201).entity(p).build());
    }

    @POST
    @Path("/{id}/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add orders to a campaign started by hand (orders planned before are not planned twice)")
    public Uni<Planned> addOrders(@PathParam("id") UUID id, OrdersRequest r) {
        List<FieldError> errors = new ArrayList<>();
        validateOrders(r == null ? null : r.orderIds(), r == null ? null : r.checks(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return campaigns.require(id).chain(c -> {
            if (c.trigger == Campaign.Trigger.AUTO || c.status == Campaign.Status.CANCELLED) {
                return Uni.createFrom().failure(new Campaigns.CampaignStateException("not-allowed", c));
            }
            Uni<Campaign> open = c.status == Campaign.Status.COMPLETED ? reopen(c) : Uni.createFrom().item(c);
            return open.chain(o -> add(o, r.orderIds(), r.checks()));
        });
    }

    private Uni<Campaign> reopen(Campaign c) {
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> Campaign.<Campaign>findById(c.id)
                .invoke(x -> {
                    x.status = Campaign.Status.RUNNING;
                    x.finishedAt = null;
                }));
    }

    private Uni<Planned> add(Campaign c, List<String> orderIds, List<String> checks) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(orderIds));
        Map<String, String> facts = new HashMap<>();
        if (c.kind == CampaignKind.CONFIRMATION) {
            facts.put("rule", "manual");
            facts.put("checks", String.join(",", checks == null || checks.isEmpty()
                    ? List.of("identity", "address", "phone", "items") : checks));
        }
        AtomicInteger planned = new AtomicInteger();
        AtomicInteger before = new AtomicInteger();
        List<String> notFound = java.util.Collections.synchronizedList(new ArrayList<>());
        return campaigns.planning(c.id, Duration.ofMinutes(10)).chain(() -> Multi.createFrom().iterable(distinct)
                .onItem().transformToUni(orderId -> orders.get(orderId)
                        .chain(o -> campaigns.plan(c, o, "campaign:" + c.id + ":" + orderId, facts, null))
                        .invoke(added -> (added ? planned : before).incrementAndGet())
                        .onFailure(f -> CallFailure.is(f, CallFailure.Kind.NOT_FOUND) || CallFailure.is(f, CallFailure.Kind.INVALID))
                        .recoverWithItem(f -> {
                            notFound.add(orderId);
                            return false;
                        }))
                .merge(16).collect().last())
                .onTermination().call(() -> campaigns.planning(c.id, null))
                .chain(() -> campaigns.require(c.id))
                .map(now -> new Planned(CampaignView.of(now), planned.get(), before.get(), List.copyOf(notFound)));
    }

    private static void validateOrders(List<String> orderIds, List<String> checks, List<FieldError> errors) {
        if (orderIds == null || orderIds.isEmpty()) {
            errors.add(new FieldError("orderIds", "required", null));
        } else if (orderIds.size() > MAX_ORDERS) {
            errors.add(new FieldError("orderIds", "too_many", String.valueOf(orderIds.size())));
        } else {
            for (int i = 0; i < orderIds.size(); i++) {
                String id = orderIds.get(i);
                if (id == null || id.isBlank() || id.length() > 100) {
                    errors.add(new FieldError("orderIds[" + i + "]", "invalid_value", null));
                }
            }
        }
        if (checks != null) {
            for (int i = 0; i < checks.size(); i++) {
                if (!ConfirmationScript.CHECKS.contains(checks.get(i))) {
                    errors.add(new FieldError("checks[" + i + "]", "invalid_value", checks.get(i)));
                }
            }
        }
    }

    @GET
    @Operation(summary = "All campaigns, newest first (the standing ones fed by events included)")
    public Uni<List<CampaignView>> list() {
        return campaigns.list().map(l -> l.stream().map(CampaignView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<CampaignView> get(@PathParam("id") UUID id) {
        return campaigns.require(id).map(CampaignView::of);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "No new calls until resumed (calls in progress finish)")
    @APIResponse(responseCode = "409", description = "Not running, or If-Match names another version")
    public Uni<CampaignView> pause(@PathParam("id") UUID id, @HeaderParam("If-Match") String version) {
        return campaigns.move(id, Campaign.Status.PAUSED, version(version)).map(CampaignView::of);
    }

    @POST
    @Path("/{id}/resume")
    public Uni<CampaignView> resume(@PathParam("id") UUID id, @HeaderParam("If-Match") String version) {
        return campaigns.move(id, Campaign.Status.RUNNING, version(version)).map(CampaignView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel: contacts not started end as SKIPPED; calls in progress finish")
    public Uni<CampaignView> cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String version) {
        return campaigns.move(id, Campaign.Status.CANCELLED, version(version)).map(CampaignView::of);
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(summary = "The campaign's contacts (phone masked), optionally of one outcome")
    public Uni<List<ContactView>> contacts(@PathParam("id") UUID id, @QueryParam("outcome") String outcome,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        return campaigns.require(id).chain(c -> tasks.ofCampaign(id, outcome, Math.max(1, Math.min(limit, 1000)),
                Math.max(0, offset))).map(l -> l.stream().map(ContactView::of).toList());
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "Counts per status and outcome, contacts finished per minute, ETA")
    public Uni<Progress> progress(@PathParam("id") UUID id) {
        return campaigns.require(id).chain(c -> progressOf(c));
    }

    @GET
    @Path("/{id}/progress/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live progress as server-sent events, one a second, until the campaign is completed or cancelled")
    public Multi<Progress> stream(@PathParam("id") UUID id) {
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        return campaigns.require(id).toMulti().flatMap(first -> Multi.createFrom().ticks().every(Duration.ofSeconds(1))
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> campaigns.get(id).chain(this::progressOf))
                // up to and including the first progress of a finished campaign
                .select().first(p -> !over.getAndSet(p.status() == Campaign.Status.COMPLETED
                        || p.status() == Campaign.Status.CANCELLED)));
    }

    Uni<Progress> progressOf(Campaign c) {
        Instant now = clock.instant();
        return tasks.counts(c.id, now).map(k -> {
            long pending = k.byStatus().getOrDefault(CallTask.PENDING, 0L);
            long dialing = k.byStatus().getOrDefault(CallTask.DIALING, 0L);
            long inCall = k.byStatus().getOrDefault(CallTask.IN_CALL, 0L);
            long done = k.byStatus().getOrDefault(CallTask.DONE, 0L);
            double perMinute = k.doneLastMinute();
            long left = pending + dialing + inCall;
            Long eta = left == 0 ? Long.valueOf(0) : perMinute > 0 ? Long.valueOf((long) Math.ceil(left / perMinute * 60)) : null;
            return new Progress(c.id, c.status, k.total(), pending, dialing, inCall, done, k.byOutcome(), k.attempts(),
                    perMinute, eta, k.nextDue(), now);
        });
    }

    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("\"", "").replace("W/", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("If-Match", "invalid_value");
        }
    }

    static Duration duration(String s) {
        String v = s.strip().toUpperCase();
        try {
            return Duration.parse(v.startsWith("P") ? v : "PT" + v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
