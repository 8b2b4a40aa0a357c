package io.ordercare.dialog.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.dialog.campaign.Campaign;
import io.ordercare.dialog.campaign.CampaignKind;
import io.ordercare.dialog.campaign.Campaigns;
import io.ordercare.dialog.campaign.CallTask;
import io.ordercare.dialog.campaign.CallsConfig;
import io.ordercare.dialog.campaign.ContactBook;
import io.ordercare.dialog.order.CallFailure;
import io.ordercare.dialog.order.OrderClient;
import io.ordercare.platform.CloudEvent;
import io.ordercare.platform.DeadLetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * logistics-watcher's alerts ({@code logistics.alerts}) that the customer should hear about (stuck, delay risk,
 * lost, delivery failed: {@code ordercare.dialog.calls.alert-types}) become one contact per episode on the
 * customer's preferred channel: a message (the default) or a call, in the calling window either way, carrying the
 * alert's own sentence in the customer's language and the options (wait, claim, deliver again).
 */
@ApplicationScoped
public class LogisticsAlertsConsumer {

    private static final Logger LOG = Logger.getLogger(LogisticsAlertsConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    OrderClient orders;

    @Inject
    Campaigns campaigns;

    @Inject
    ContactBook contacts;

    @Inject
    CallsConfig config;

    @Inject
    java.time.Clock clock;

    @Inject
    @Channel("logistics-alerts-dlq")
    MutinyEmitter<String> deadLetters;

    @Incoming("logistics-alerts")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        JsonNode event;
        try {
            event = CloudEvent.read(json, record.value());
        } catch (CloudEvent.Unreadable e) {
            LOG.warnf("logistics.alerts partition %d offset %d rejected: %s", record.partition(), record.offset(), e.getMessage());
            return deadLetters.sendMessage(DeadLetter.of(record, e.getMessage()));
        }
        String type = event.path("type").asText("");
        if (tooOld(event)) {
            LOG.debugf("%s %s %s older than %s: no contact planned", "logistics.alerts", type, event.path("id").asText(),
                    config.maxEventAge());
            return Uni.createFrom().voidItem();
        }
        JsonNode data = event.path("data");
        String orderId = data.path("orderId").asText(event.path("subject").asText(""));
        if (!config.alertTypes().contains(type) || orderId.isBlank() || "RETURN".equals(data.path("direction").asText())) {
            return Uni.createFrom().voidItem();
        }
        String episode = "alert:" + orderId + ":" + type + ":"
                + data.path("episode").asText(data.path("alertId").asText(event.path("id").asText()));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("type", type);
        facts.put("message.en", data.path("message").path("en").asText(""));
        facts.put("message.zh", data.path("message").path("zh").asText(""));
        facts.put("carrier", data.path("carrier").asText(""));
        return orders.get(orderId).chain(o -> {
            String phone = Campaigns.phoneOf(o);
            if (phone == null) {
                return Uni.createFrom().voidItem();
            }
            return contacts.preference(phone).chain(pref -> campaigns.require(Campaign.standingId(CampaignKind.LOGISTICS))
                    .chain(c -> campaigns.plan(c, o, episode, facts,
                            CallTask.CALL.equals(pref.preferredChannel()) ? CallTask.CALL : CallTask.MESSAGE)))
                    .replaceWithVoid();
        }).onFailure(f -> CallFailure.is(f, CallFailure.Kind.NOT_FOUND)).recoverWithNull().replaceWithVoid()
                .onFailure().invoke(t -> LOG.infof("logistics.alerts %s of order %s failed, retried: %s", type, orderId,
                        t.toString()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(8)).atMost(4)
                // a longer outage: the record goes to the dead-letter topic with the reason (replayable), and the
                // consumer goes on instead of stopping
                .onFailure().recoverWithUni(t -> deadLetters.sendMessage(DeadLetter.of(record,
                        "no contact planned after retries: " + t.getMessage())));
    }

    private boolean tooOld(JsonNode event) {
        try {
            return java.time.Instant.parse(event.path("time").asText()).isBefore(clock.instant().minus(config.maxEventAge()));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
