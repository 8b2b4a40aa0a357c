package io.ordercare.dialog.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.dialog.campaign.Campaign;
import io.ordercare.dialog.campaign.CampaignKind;
import io.ordercare.dialog.campaign.Campaigns;
import io.ordercare.dialog.campaign.CallsConfig;
import io.ordercare.dialog.campaign.ContactBook;
import io.ordercare.dialog.campaign.ContactPolicy;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.DeadLetter;
import io.ordercare.proto.order.v1.Order;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What order-gateway's changes mean for the phone robot ({@code order.changes}):
 * <ul>
 * <li>{@code order.created}: the hour the customer ordered counts for their best time to call, and the confirmation
 * rules decide whether the order gets a confirmation call and what it reads back (not when a stock or price flag
 * has its own call coming);</li>
 * <li>{@code order.flagged} STOCK_SHORTAGE or PRICE_ANOMALY: the exception call of that flag;</li>
 * <li>{@code order.status-changed} to DELIVERED: the satisfaction survey, when surveys are on.</li>
 * </ul>
 * Each contact has an episode (confirm:order, flag:id, survey:order), so a redelivered event plans nothing new.
 * A record that is not a readable event goes to {@code dialog-service.order-changes.dlq} with the reason.
 */
@ApplicationScoped
public class OrderChangesConsumer {

    private static final Logger LOG = Logger.getLogger(OrderChangesConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    OrderClient orders;

    @Inject
    Campaigns campaigns;

    @Inject
    ConfirmationRules rules;

    @Inject
    ContactBook contacts;

    @Inject
    ContactPolicy policy;

    @Inject
    CallsConfig config;

    @Inject
    Clock clock;

    @Inject
    @Channel("order-changes-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("order-changes")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        JsonNode event;
        try {
            event = CloudEvent.read(json, record.value());
        } catch (CloudEvent.Unreadable e) {
            LOG.warnf("order.changes partition %d offset %d rejected: %s", record.partition(), record.offset(), e.getMessage());
            return deadLetters.sendMessage(DeadLetter.of(record, e.getMessage()));
        }
        String type = event.path("type").asText("");
        if (tooOld(event)) {
            LOG.debugf("%s %s %s older than %s: no contact planned", "order.changes", type, event.path("id").asText(),
                    config.maxEventAge());
            return Uni.createFrom().voidItem();
        }
        JsonNode data = event.path("data");
        String orderId = event.path("subject").asText(data.path("orderId").asText(""));
        if (orderId.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> work = switch (type) {
            case "order.created" -> created(event.path("id").asText(), orderId);
            case "order.flagged" -> flagged(orderId, data.path("kind").asText(""), data.path("flagId").asText(""));
            case "order.status-changed" -> "DELIVERED".equals(data.path("status").asText("")) && config.survey()
                    ? plan(CampaignKind.SURVEY, orderId, "survey:" + orderId, Map.of()) : Uni.createFrom().voidItem();
            default -> Uni.createFrom().voidItem();
        };
        return work.onFailure(f -> CallFailure.is(f, CallFailure.Kind.NOT_FOUND)).recoverWithItem(f -> {
            LOG.infof("order.changes %s of order %s: the order is gone, nothing planned", type, orderId);
            return null;
        }).onFailure().invoke(t -> LOG.infof("order.changes %s of order %s failed, retried: %s", type, orderId,
                t.toString())).onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(8)).atMost(4)
                // a longer outage: the record goes to the dead-letter topic with the reason (replayable), and the
                // consumer goes on instead of stopping
                .onFailure().recoverWithUni(t -> deadLetters.sendMessage(DeadLetter.of(record,
                        "no contact planned after retries: " + t.getMessage())));
    }

    private Uni<Void> created(String eventId, String orderId) {
        return orders.get(orderId).chain(o -> {
            String phone = Campaigns.phoneOf(o);
            Uni<Void> counted = phone == null || o.getPlacedAt().isBlank() ? Uni.createFrom().voidItem()
                    : contacts.orderPlaced(eventId, phone, Instant.parse(o.getPlacedAt())
                            .atZone(policy.zoneOf(o.getShippingAddress())).getHour(), clock.instant());
            boolean exceptionCall = o.getFlagsList().stream().anyMatch(f -> !f.getResolved()
                    && ("STOCK_SHORTAGE".equals(f.getKind()) || "PRICE_ANOMALY".equals(f.getKind())));
            if (exceptionCall) {
                return counted;
            }
            Uni<Boolean> first = o.getCustomer().getId().isBlank() ? Uni.createFrom().item(true)
                    : orders.ofCustomer(o.getCustomer().getId()).map(list -> list.size() <= 1);
            return counted.chain(() -> first).chain(isFirst -> rules.match(o, isFirst)
                    .map(rule -> plan(CampaignKind.CONFIRMATION, o, "confirm:" + orderId,
                            Map.of("rule", rule.name(), "checks", String.join(",", rule.checks()))))
                    .orElse(Uni.createFrom().voidItem()));
        });
    }

    private Uni<Void> flagged(String orderId, String kind, String flagId) {
        CampaignKind campaign = switch (kind) {
            case "STOCK_SHORTAGE" -> CampaignKind.STOCK_SHORTAGE;
            case "PRICE_ANOMALY" -> CampaignKind.PRICE_ANOMALY;
            default -> null;
        };
        return campaign == null ? Uni.createFrom().voidItem()
                : plan(campaign, orderId, "flag:" + orderId + ":" + flagId, Map.of("flag", kind));
    }

    private Uni<Void> plan(CampaignKind kind, String orderId, String episode, Map<String, String> facts) {
        return orders.get(orderId).chain(o -> plan(kind, o, episode, facts));
    }

    private Uni<Void> plan(CampaignKind kind, Order o, String episode, Map<String, String> facts) {
        return campaigns.require(Campaign.standingId(kind)).chain(c -> campaigns.plan(c, o, episode, facts, null))
                .invoke(added -> {
                    if (added) {
                        LOG.debugf("%s contact planned for order %s (%s)", kind, o.getId(), episode);
                    }
                }).replaceWithVoid();
    }

    private boolean tooOld(JsonNode event) {
        try {
            return java.time.Instant.parse(event.path("time").asText()).isBefore(clock.instant().minus(config.maxEventAge()));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
