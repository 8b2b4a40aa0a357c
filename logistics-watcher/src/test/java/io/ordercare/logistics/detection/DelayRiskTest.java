package io.ordercare.logistics.detection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.logistics.platform.Parcels;
import io.ordercare.logistics.platform.TestClock;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DelayRiskTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    RouteStatistics routes;

    @Test
    void aRouteWhoseParcelsArriveLateMakesANewParcelWithAnEarlierPromiseADelayRisk() throws Exception {
        String origin = "慢线始发" + Parcels.unique();
        String destination = "慢线目的" + Parcels.unique();
        // history: five parcels on this route, each delivered after about five days (min-samples is 5 in tests)
        List<SimulatedParcel> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SimulatedParcel p = Parcels.parcel("YTO", origin, destination, clock.instant().minus(Duration.ofDays(8)));
            history.add(p);
            Parcels.ship("OH" + Parcels.unique(), p, null);
            Parcels.scanAll(p, Parcels.script(p, Scenario.LATE));
        }
        for (SimulatedParcel p : history) {
            await().atMost(WAIT).until(() -> "DELIVERED".equals(given().queryParam("trackingNumber", p.trackingNumber())
                    .get("/api/shipments").jsonPath().getString("[0].status")));
        }
        RouteStats learned = routes.of(new RouteKey("YTO", origin, destination));
        assertThat(learned.transits().count()).isEqualTo(5);
        assertThat(learned.transits().mean()).isGreaterThan(Duration.ofDays(4).toSeconds());

        // promised for the day after tomorrow: the route's deliveries take about five days
        String orderId = "OD" + Parcels.unique();
        Instant shippedAt = clock.instant();
        LocalDate promised = LocalDate.ofInstant(shippedAt, ZoneId.of("Asia/Shanghai")).plusDays(2);
        SimulatedParcel late = Parcels.parcel("YTO", origin, destination, shippedAt);
        Parcels.ship(orderId, late, promised);

        var alerts = KafkaTopics.await("logistics.alerts", r -> orderId.equals(r.key()), 1, WAIT);
        JsonNode event = JSON.readTree(alerts.get(0).value());
        assertThat(event.get("type").asText()).isEqualTo("shipment.delay-risk");
        JsonNode data = event.get("data");
        assertThat(data.get("promisedDate").asText()).isEqualTo(promised.toString());
        assertThat(data.get("predictionBasis").asText()).isEqualTo("ROUTE_HISTORY");
        assertThat(data.get("predictionSampleSize").asLong()).isEqualTo(5);
        Instant predicted = Instant.parse(data.get("predictedArrival").asText());
        assertThat(predicted).isAfter(shippedAt.plus(Duration.ofDays(4)));
        assertThat(data.get("message").get("zh").asText()).contains("晚于承诺的 " + promised);

        JsonPath track = given().queryParam("orderId", orderId).get("/api/shipments").jsonPath();
        assertThat(track.getBoolean("[0].prediction.onTime")).isFalse();
        assertThat(track.getString("[0].prediction.basis")).isEqualTo("ROUTE_HISTORY");
        assertThat(track.getList("[0].alerts.type", String.class)).containsExactly("shipment.delay-risk");
    }

    @Test
    void aParcelOnARouteWithoutHistoryIsPredictedFromTheDefaultAndNotAlertedWhileOnTime() {
        String orderId = "OD" + Parcels.unique();
        SimulatedParcel p = Parcels.parcel("SF", "新线" + Parcels.unique(), "上海市", clock.instant());
        LocalDate promised = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).plusDays(5);
        Parcels.ship(orderId, p, promised);
        await().atMost(WAIT).until(() -> given().queryParam("orderId", orderId).get("/api/shipments").statusCode() == 200);

        JsonPath track = given().queryParam("orderId", orderId).get("/api/shipments").jsonPath();
        assertThat(track.getString("[0].prediction.basis")).isEqualTo("DEFAULT");
        assertThat(track.getBoolean("[0].prediction.onTime")).isTrue();
        assertThat(track.getList("[0].alerts")).isEmpty();
    }
}
