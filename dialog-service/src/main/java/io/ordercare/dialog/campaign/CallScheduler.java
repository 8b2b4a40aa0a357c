package io.ordercare.dialog.campaign;

import io.ordercare.dialog.call.CallService;
import io.ordercare.dialog.conversation.ConversationNotices;
import io.ordercare.dialog.dialer.CallRequest;
import io.ordercare.dialog.dialer.Dialer;
import io.ordercare.dialog.flow.Replies;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.order.OrderClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the contacts that are due: every tick, for each running campaign, as many due tasks as its concurrency
 * leaves room for are claimed (skip-locked, so replicas share the work) and dispatched: a number on the do-not-call
 * list is not called, an order that no longer needs the contact is skipped, a contact due in quiet hours (after a
 * pause) waits for the window, a message is sent, and a call is placed through the {@link Dialer} with this
 * service's webhooks. Dials that never heard back are ended as failed; finished manual campaigns are completed.
 */
@ApplicationScoped
public class CallScheduler {

    private static final Logger LOG = Logger.getLogger(CallScheduler.class);

    @Inject
    Campaigns campaigns;

    @Inject
    CallTasks tasks;

    @Inject
    ContactBook contacts;

    @Inject
    ContactPolicy policy;

    @Inject
    OrderClient orders;

    @Inject
    CallService calls;

    @Inject
    ConversationNotices notices;

    @Inject
    Replies replies;

    @Inject
    Dialer dialer;

    @Inject
    CallsConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    @Inject
    Vertx vertx;

    private final AtomicLong ticks = new AtomicLong();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private long timer = -1;

    void onStart(@Observes StartupEvent e) {
        campaigns.ensureStanding().await().indefinitely();
        // a Vert.x timer rather than @Scheduled: the scheduler's shortest period is a second, calls want less
        timer = vertx.setPeriodic(1000, Math.max(20, config.tick().toMillis()), id -> {
            if (ticking.compareAndSet(false, true)) {
                onOwnContext(this::tick).subscribe().with(x -> ticking.set(false), t -> ticking.set(false));
            }
        });
    }

    void onStop(@Observes ShutdownEvent e) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Runs the work on a context of its own: each dispatched contact gets its own database session (Hibernate
     * Reactive allows one operation at a time per session, and contacts are dispatched concurrently).
     */
    private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(em -> context.runOnContext(x -> work.get().subscribe().with(em::complete, em::fail)));
    }

    Uni<Void> tick() {
        Instant now = clock.instant();
        Uni<Void> housekeeping = ticks.incrementAndGet() % 25 != 0 ? Uni.createFrom().voidItem()
                : campaigns.completeFinished(now).chain(() -> endStale(now));
        return campaigns.running().invoke(running -> {
            if (ticks.get() % 50 == 0) {
                LOG.tracef("tick %d: %d campaigns running", ticks.get(), running.size());
            }
        }).chain(running -> Multi.createFrom().iterable(running)
                .onItem().transformToUniAndMerge(c -> startDue(c, now)).collect().last())
                .chain(() -> housekeeping)
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("call scheduler tick failed: %s", t.toString());
                    return null;
                }).replaceWithVoid();
    }

    private Uni<Void> startDue(Campaign c, Instant now) {
        return tasks.busy(c.id).chain(busy -> tasks.claimDue(c.id, now, Math.min(config.batch(), c.concurrency - busy)))
                .invoke(due -> {
                    if (!due.isEmpty()) {
                        LOG.debugf("campaign %s: %d contacts due", c.id, due.size());
                    }
                })
                .chain(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                        : Multi.createFrom().iterable(due).onItem().transformToUniAndMerge(t -> onOwnContext(() -> dispatch(c, t, now))
                                .onFailure().recoverWithUni(e -> {
                                    LOG.warnf("task %s not dispatched: %s", t.id(), e.toString());
                                    return tasks.retry(t.id(), now.plusSeconds(60), now).replaceWithVoid();
                                }))
                                .collect().last().replaceWithVoid());
    }

    private Uni<Void> dispatch(Campaign c, CallTask t, Instant now) {
        LOG.debugf("task %s of campaign %s due (attempt %d)", t.id(), c.id, t.attempts());
        if (!policy.window(c).isOpen(now, t.zoneId())) {
            // due in quiet hours (it waited through a pause): the next opening, the attempt not counted
            return tasks.postpone(t.id(), policy.window(c).nextOpen(now, t.zoneId()), now);
        }
        return contacts.preference(t.phone()).chain(pref -> {
            if (CallTask.CALL.equals(t.channel()) && pref.doNotCall()) {
                return campaigns.finish(t, Outcome.DO_NOT_CALL).replaceWithVoid();
            }
            return orders.get(t.orderId()).onFailure(f -> CallFailure.is(f, CallFailure.Kind.NOT_FOUND))
                    .recoverWithNull().chain(order -> {
                        if (order == null || !calls.script(t.script()).stillNeeded(order, t)) {
                            return campaigns.finish(t, Outcome.SKIPPED).replaceWithVoid();
                        }
                        if (CallTask.MESSAGE.equals(t.channel())) {
                            return message(t).chain(() -> campaigns.finish(t, Outcome.NOTIFIED)).replaceWithVoid();
                        }
                        return place(t, now);
                    });
        });
    }

    private Uni<Void> place(CallTask t, Instant now) {
        UUID callId = UUID.randomUUID();
        int hour = now.atZone(t.zoneId()).getHour();
        String base = baseUrl();
        CallRequest request = new CallRequest(callId.toString(), t.phone(), config.callerId(), t.lang(),
                base + "/api/voice/calls/" + callId + "/answer", base + "/api/voice/calls/" + callId + "/status");
        return tasks.attemptPlaced(t, callId, now, hour)
                .chain(() -> dialer.place(request))
                .chain(sid -> tasks.callSid(callId, sid))
                .onFailure().recoverWithUni(e -> {
                    LOG.infof("call %s of task %s not placed: %s", callId, t.id(), e.getMessage());
                    return tasks.attemptEnded(callId, "failed", clock.instant())
                            .chain(ended -> ended.isEmpty() ? Uni.createFrom().voidItem() : campaigns.attemptEnded(ended.get()));
                });
    }

    /** News by message, in the customer's language, with the options. */
    private Uni<Void> message(CallTask t) {
        return notices.tellCustomer("contact:" + t.id(), t.orderId(), t.phone(), t.lang(), lang -> {
            String facts = campaigns.fact(t, "message." + lang);
            return replies.text(Replies.locale(lang), "message.logistics", facts);
        }).replaceWithVoid();
    }

    private Uni<Void> endStale(Instant now) {
        return tasks.stale(now.minus(config.staleAfter())).chain(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> tasks.attemptEnded(id, "failed", now)
                        .chain(ended -> ended.isEmpty() ? Uni.createFrom().voidItem() : campaigns.attemptEnded(ended.get())))
                .collect().last().replaceWithVoid());
    }

    String baseUrl() {
        return config.publicUrl().orElse("http://localhost:" + httpPort).replaceAll("/+$", "");
    }
}
