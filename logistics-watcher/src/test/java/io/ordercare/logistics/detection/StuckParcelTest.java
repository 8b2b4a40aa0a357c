package io.ordercare.logistics.detection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.logistics.platform.Parcels;
import io.ordercare.logistics.platform.TestClock;
import io.ordercare.logistics.shipment.ShipmentTracking;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StuckParcelTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    ShipmentTracking tracking;

    @Test
    void aParcelThatGoesSilentRaisesExactlyOneStuckAlertAfterItsThreshold() throws Exception {
        String orderId = "OS" + Parcels.unique();
        // a route of its own, so no other test's history changes its threshold: the default 36 h applies
        String origin = "测试始发" + Parcels.unique();
        SimulatedParcel p = Parcels.parcel("SF", origin, "上海市", clock.instant().minus(Duration.ofHours(10)));
        Parcels.ship(orderId, p, null);
        var script = Parcels.script(p, Scenario.STUCK);
        Parcels.scanAll(p, script);
        Instant lastScan = script.get(script.size() - 1).at();
        await().atMost(WAIT).until(() -> given().queryParam("orderId", orderId).get("/api/shipments")
                .then().extract().statusCode() == 200
                && given().queryParam("orderId", orderId).get("/api/shipments").jsonPath().getList("[0].scans").size() == 2);

        tracking.sweepAll().await().atMost(WAIT);
        assertThat(KafkaTopics.readAll("logistics.alerts", r -> orderId.equals(r.key()))).isEmpty();

        // just past the threshold: 36 h after the last scan
        clock.advance(Duration.between(clock.instant(), lastScan.plus(Duration.ofHours(36)).plusSeconds(5)));
        tracking.sweepAll().await().atMost(WAIT);
        var alerts = KafkaTopics.await("logistics.alerts", r -> orderId.equals(r.key()), 1, WAIT);
        JsonNode event = JSON.readTree(alerts.get(0).value());
        assertThat(event.get("type").asText()).isEqualTo("shipment.stuck");
        assertThat(event.get("subject").asText()).isEqualTo(orderId);
        JsonNode data = event.get("data");
        assertThat(data.get("trackingNumber").asText()).isEqualTo(p.trackingNumber());
        assertThat(data.get("hub").asText()).isEqualTo(script.get(1).hub());
        assertThat(data.get("silentForSeconds").asLong()).isGreaterThanOrEqualTo(36 * 3600);
        assertThat(data.get("stuckAfterSeconds").asLong()).isEqualTo(36 * 3600);
        assertThat(data.get("suggestedActions").toString()).contains("WAIT", "CONTACT_CARRIER");
        assertThat(data.get("message").get("en").asText()).contains(p.trackingNumber(), "has not moved");
        assertThat(data.get("message").get("zh").asText()).contains(p.trackingNumber(), "小时没有新的物流记录");

        // the same silence, hours later and swept again: no second alert
        clock.advance(Duration.ofHours(3));
        tracking.sweepAll().await().atMost(WAIT);
        tracking.sweepAll().await().atMost(WAIT);
        assertThat(KafkaTopics.readAll("logistics.alerts", r -> orderId.equals(r.key())
                && r.value().contains("shipment.stuck"))).hasSize(1);
        assertThat(given().queryParam("orderId", orderId).get("/api/shipments").jsonPath()
                .getList("[0].alerts.type", String.class)).containsExactly("shipment.stuck");
    }
}
