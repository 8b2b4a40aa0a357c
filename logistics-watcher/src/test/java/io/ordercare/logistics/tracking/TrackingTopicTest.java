package io.ordercare.logistics.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordercare.logistics.platform.Parcels;
import io.ordercare.logistics.platform.TestClock;
import io.ordercare.stack.KafkaTopics;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.ordercare.tools.carrier.SimulatedScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrackingTopicTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    static JsonPath track(String trackingNumber) {
        return given().queryParam("trackingNumber", trackingNumber).get("/api/shipments")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitScans(String trackingNumber, int count) {
        await().atMost(WAIT).until(() -> given().queryParam("trackingNumber", trackingNumber).get("/api/shipments")
                .then().extract().statusCode() == 200 && track(trackingNumber).getList("[0].scans").size() >= count);
        return track(trackingNumber);
    }

    @ParameterizedTest
    @ValueSource(strings = { "SF", "YTO", "UPS" })
    void eachCarrierFormatIsStoredInTheOneScanModel(String carrier) {
        String orderId = "OT" + Parcels.unique();
        SimulatedParcel p = Parcels.parcel(carrier, "深圳市", "上海市", clock.instant().minus(Duration.ofHours(30)));
        Parcels.ship(orderId, p, LocalDate.now().plusDays(5));
        List<SimulatedScan> script = Parcels.script(p, Scenario.DELIVERED).subList(0, 4);
        Parcels.scanAll(p, script);

        JsonPath track = awaitScans(p.trackingNumber(), 4);
        assertThat(track.getString("[0].orderId")).isEqualTo(orderId);
        assertThat(track.getString("[0].carrier")).isEqualTo(carrier);
        assertThat(track.getList("[0].scans.code", String.class))
                .containsExactly("PICKED_UP", "ARRIVED", "IN_TRANSIT", "ARRIVED");
        assertThat(track.getString("[0].status")).isEqualTo("IN_TRANSIT");
        // UPS-style activities name only the city of the facility
        assertThat(track.getString("[0].lastHub")).isEqualTo(carrier.equals("UPS") ? script.get(3).city() : script.get(3).hub());
    }

    @Test
    void aRepeatedScanIsStoredOnce() {
        SimulatedParcel p = Parcels.parcel("SF", "广州市", "北京市", clock.instant().minus(Duration.ofHours(10)));
        Parcels.ship("OT" + Parcels.unique(), p, null);
        List<SimulatedScan> script = Parcels.script(p, Scenario.DELIVERED);
        Parcels.scan(p, script.get(0));
        Parcels.scan(p, script.get(0));
        Parcels.scan(p, script.get(1));
        Parcels.scan(p, script.get(0));

        JsonPath track = awaitScans(p.trackingNumber(), 2);
        // the marker scan after the repeats has arrived: nothing more will
        Parcels.scan(p, script.get(2));
        track = awaitScans(p.trackingNumber(), 3);
        assertThat(track.getList("[0].scans")).hasSize(3);
    }

    @Test
    void aScanArrivingLateIsPlacedByItsTimeAndDoesNotMoveTheParcelBack() {
        SimulatedParcel p = Parcels.parcel("ZTO", "成都市", "武汉市", clock.instant().minus(Duration.ofHours(30)));
        Parcels.ship("OT" + Parcels.unique(), p, null);
        List<SimulatedScan> script = Parcels.script(p, Scenario.DELIVERED);
        Parcels.scan(p, script.get(0));
        Parcels.scan(p, script.get(3));
        awaitScans(p.trackingNumber(), 2);
        Parcels.scan(p, script.get(1));

        JsonPath track = awaitScans(p.trackingNumber(), 3);
        assertThat(track.getList("[0].scans.scannedAt", String.class)).isSorted();
        assertThat(track.getString("[0].lastHub")).isEqualTo(script.get(3).hub());
        assertThat(track.getString("[0].lastScanAt")).startsWith(script.get(3).at().toString().substring(0, 16));
    }

    @Test
    void scansBeforeTheShippedEventAreAdoptedByTheShipment() {
        SimulatedParcel p = Parcels.parcel("SF", "南京市", "上海市", clock.instant().minus(Duration.ofHours(20)));
        List<SimulatedScan> script = Parcels.script(p, Scenario.DELIVERED);
        Parcels.scan(p, script.get(0));
        Parcels.scan(p, script.get(1));
        Parcels.ship("OT" + Parcels.unique(), p, null);

        JsonPath track = awaitScans(p.trackingNumber(), 2);
        assertThat(track.getString("[0].status")).isEqualTo("IN_TRANSIT");
    }

    @Test
    void unreadableRecordsGoToTheDlqWithTheReasonAndTheStreamGoesOn() {
        String bad = "bad-" + Parcels.unique();
        String broken = "broken-" + Parcels.unique();
        KafkaTopics.send("logistics.tracking", bad, "this is not json {");
        KafkaTopics.send("logistics.tracking", broken, """
                {"WaybillRoute":[{"mailno":"SF1400012345678","opCode":"30"}]}""");
        SimulatedParcel p = Parcels.parcel("SF", "深圳市", "杭州市", clock.instant().minus(Duration.ofHours(10)));
        Parcels.ship("OT" + Parcels.unique(), p, null);
        Parcels.scan(p, Parcels.script(p, Scenario.DELIVERED).get(0));

        var dead = KafkaTopics.await("logistics.tracking.dlq", r -> bad.equals(r.key()) || broken.equals(r.key()), 2, WAIT);
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).anySatisfy(reason -> assertThat(reason).startsWith("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("acceptTime is missing"));
        awaitScans(p.trackingNumber(), 1);
    }
}
