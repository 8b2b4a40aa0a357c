package io.ordercare.logistics.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordercare.tools.carrier.CarrierSimulator;
import io.ordercare.tools.carrier.Scenario;
import io.ordercare.tools.carrier.SimulatedParcel;
import io.ordercare.tools.carrier.SimulatedScan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScanFormatsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ScanNormalizer normalizer = new ScanNormalizer();

    private JsonNode parse(String s) throws Exception {
        return json.readTree(s);
    }

    @Test
    void sfRoutePushIsReadInChinaTimeWithTheHubFromTheRemark() throws Exception {
        List<CarrierScan> scans = normalizer.read(null, parse("""
                {"Body":{"WaybillRoute":[{"mailno":"sf1400012345678","acceptTime":"2026-11-25 10:20:30",
                 "acceptAddress":"深圳市","remark":"快件已从【深圳宝安中转场】发出","opCode":"30"}]}}"""));
        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.carrier()).isEqualTo("SF");
            assertThat(s.trackingNumber()).isEqualTo("SF1400012345678");
            assertThat(s.scannedAt()).isEqualTo(Instant.parse("2026-11-25T02:20:30Z"));
            assertThat(s.code()).isEqualTo(ScanCode.IN_TRANSIT);
            assertThat(s.carrierCode()).isEqualTo("30");
            assertThat(s.hub()).isEqualTo("深圳宝安中转场");
            assertThat(s.city()).isEqualTo("深圳市");
        });
    }

    @Test
    void cainiaoTraceEventNamesItsCarrierByCpCode() throws Exception {
        List<CarrierScan> scans = normalizer.read("cainiao", parse("""
                {"logisticsNo":"YT7512345678901","cpCode":"yto","logisticsEvent":{"action":"SIGNED",
                 "time":"2026-11-26 18:00:00","desc":"已签收","facilityName":"杭州西湖营业部","city":"杭州市"}}"""));
        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.carrier()).isEqualTo("YTO");
            assertThat(s.code()).isEqualTo(ScanCode.DELIVERED);
            assertThat(s.hub()).isEqualTo("杭州西湖营业部");
            assertThat(s.scannedAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        });
    }

    @Test
    void upsActivityUsesItsGmtTimeAndSkipsTheLabelCreatedEntry() throws Exception {
        List<CarrierScan> scans = normalizer.read(null, parse("""
                {"trackResponse":{"shipment":[{"package":[{"trackingNumber":"1Z999AA10123456784","activity":[
                  {"location":{"address":{"city":"LOUISVILLE","stateProvince":"KY","countryCode":"US"}},
                   "status":{"type":"X","code":"NA","description":"The receiver was not available"},
                   "date":"20261125","time":"102030","gmtDate":"20261125","gmtTime":"15:20:30","gmtOffset":"-05:00"},
                  {"status":{"type":"M","code":"MP","description":"Shipper created a label"},
                   "date":"20261124","time":"090000","gmtOffset":"-05:00"}]}]}]}}"""));
        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.carrier()).isEqualTo("UPS");
            assertThat(s.code()).isEqualTo(ScanCode.DELIVERY_FAILED);
            assertThat(s.scannedAt()).isEqualTo(Instant.parse("2026-11-25T15:20:30Z"));
            assertThat(s.hub()).isEqualTo("LOUISVILLE, KY");
        });
    }

    @Test
    void upsLocalTimeIsReadWithItsOffsetWhenThereIsNoGmtTime() throws Exception {
        List<CarrierScan> scans = normalizer.read("ups", parse("""
                {"trackResponse":{"shipment":[{"package":[{"trackingNumber":"1Z999AA10123456784","activity":[
                  {"status":{"type":"D","code":"KB","description":"Delivered"},
                   "date":"20261125","time":"102030","gmtOffset":"-05:00"}]}]}]}}"""));
        assertThat(scans.get(0).scannedAt()).isEqualTo(Instant.parse("2026-11-25T15:20:30Z"));
        assertThat(scans.get(0).code()).isEqualTo(ScanCode.DELIVERED);
    }

    /** The simulator and the service agree on all three formats: every scan of every journey reads back as sent. */
    @ParameterizedTest
    @ValueSource(strings = { "SF", "YTO", "JD", "UPS", "FEDEX" })
    void everySimulatedScanReadsBackAsTheSameMeaningAndTime(String carrier) throws Exception {
        CarrierSimulator sim = new CarrierSimulator(3);
        Map<String, ScanCode> meaning = Map.of("PICKED_UP", ScanCode.PICKED_UP, "DEPARTED", ScanCode.IN_TRANSIT,
                "ARRIVED", ScanCode.ARRIVED, "OUT_FOR_DELIVERY", ScanCode.OUT_FOR_DELIVERY, "DELIVERED",
                ScanCode.DELIVERED, "DELIVERY_FAILED", ScanCode.DELIVERY_FAILED, "ADDRESS_PROBLEM",
                ScanCode.ADDRESS_PROBLEM, "RETURNED", ScanCode.RETURNED_TO_SENDER);
        SimulatedParcel p = new SimulatedParcel(carrier, carrier + "000123456789", "深圳市", "上海市",
                Instant.parse("2026-11-20T01:00:00Z"));
        for (Scenario scenario : Scenario.values()) {
            for (SimulatedScan s : sim.script(p, scenario)) {
                JsonNode event = parse(sim.event(p, s));
                String format = event.get("type").asText().substring("tracking.".length());
                CarrierScan read = normalizer.read(format, event.get("data")).get(0);
                assertThat(read.carrier()).isEqualTo(carrier);
                assertThat(read.trackingNumber()).isEqualTo(p.trackingNumber());
                assertThat(read.code()).as(scenario + " " + s.kind()).isEqualTo(meaning.get(s.kind().name()));
                assertThat(read.scannedAt()).isEqualTo(s.at().truncatedTo(ChronoUnit.SECONDS));
            }
        }
    }

    @Test
    void aPayloadOfNoKnownFormatIsRejectedWithTheReason() throws Exception {
        assertThatThrownBy(() -> normalizer.read(null, parse("{\"parcel\":\"x\"}")))
                .isInstanceOf(InvalidScanException.class).hasMessageContaining("not an SF, Cainiao/JD or UPS");
    }

    @Test
    void aScanWithoutTimeNamesTheMissingField() throws Exception {
        assertThatThrownBy(() -> normalizer.read(null, parse("""
                {"WaybillRoute":[{"mailno":"SF1400012345678","opCode":"30"}]}""")))
                .isInstanceOf(InvalidScanException.class).hasMessageContaining("WaybillRoute[0].acceptTime is missing");
    }

    @Test
    void aMalformedTimeOrTrackingNumberIsRejected() throws Exception {
        assertThatThrownBy(() -> normalizer.read(null, parse("""
                {"logisticsNo":"YT7512345678901","cpCode":"YTO","logisticsEvent":{"action":"GOT","time":"yesterday"}}""")))
                .isInstanceOf(InvalidScanException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> normalizer.read(null, parse("""
                {"logisticsNo":"<script>","cpCode":"YTO","logisticsEvent":{"action":"GOT","time":"2026-11-25 10:00:00"}}""")))
                .isInstanceOf(InvalidScanException.class).hasMessageContaining("not a tracking number");
    }

    @Test
    void anUnknownFormatNameIsRejected() throws Exception {
        assertThatThrownBy(() -> normalizer.read("dhl-express", parse("{}")))
                .isInstanceOf(InvalidScanException.class).hasMessageContaining("unknown scan format");
    }
}
