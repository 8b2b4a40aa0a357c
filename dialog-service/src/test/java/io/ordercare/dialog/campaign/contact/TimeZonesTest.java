package io.ordercare.dialog.campaign.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

    private static final ZoneId FALLBACK = ZoneOffset.UTC;

    private static String zone(String country, String province, String city) {
        return TimeZones.of(country, province, city, FALLBACK).getId();
    }

    @Test
    void allOfChinaIsShanghaiTimeIncludingXinjiang() {
        assertThat(zone("CN", "广东省", "深圳市")).isEqualTo("Asia/Shanghai");
        assertThat(zone("CN", "新疆维吾尔自治区", "乌鲁木齐市")).isEqualTo("Asia/Shanghai");
        assertThat(zone("CN", "西藏自治区", "拉萨市")).isEqualTo("Asia/Shanghai");
        assertThat(zone("cn", null, null)).isEqualTo("Asia/Shanghai");
    }

    @Test
    void hongKongMacauAndTaiwanKeepTheirZoneEvenWhenFiledUnderChina() {
        assertThat(zone("HK", "", "")).isEqualTo("Asia/Hong_Kong");
        assertThat(zone("MO", "", "")).isEqualTo("Asia/Macau");
        assertThat(zone("TW", "", "")).isEqualTo("Asia/Taipei");
        assertThat(zone("CN", "香港特别行政区", "")).isEqualTo("Asia/Hong_Kong");
        assertThat(zone("CN", "台湾省", "台北市")).isEqualTo("Asia/Taipei");
    }

    @Test
    void singleZoneCountries() {
        assertThat(zone("SG", "", "")).isEqualTo("Asia/Singapore");
        assertThat(zone("JP", "Tokyo", "")).isEqualTo("Asia/Tokyo");
        assertThat(zone("KR", "", "Seoul")).isEqualTo("Asia/Seoul");
        assertThat(zone("GB", "Scotland", "Edinburgh")).isEqualTo("Europe/London");
        assertThat(zone("UK", "", "")).isEqualTo("Europe/London");
        assertThat(zone("IE", "", "")).isEqualTo("Europe/Dublin");
        assertThat(zone("DE", "Bayern", "München")).isEqualTo("Europe/Berlin");
        assertThat(zone("FR", "", "")).isEqualTo("Europe/Paris");
        assertThat(zone("IT", "", "")).isEqualTo("Europe/Rome");
        assertThat(zone("NL", "", "")).isEqualTo("Europe/Amsterdam");
    }

    @Test
    void spainIsMadridTimeExceptTheCanaryIslands() {
        assertThat(zone("ES", "Madrid", "Madrid")).isEqualTo("Europe/Madrid");
        assertThat(zone("ES", "Las Palmas", "Las Palmas de Gran Canaria")).isEqualTo("Atlantic/Canary");
        assertThat(zone("ES", "Canarias", "")).isEqualTo("Atlantic/Canary");
    }

    @Test
    void usStatesByCodeOrFullNameInAnyCase() {
        assertThat(zone("US", "WA", "Seattle")).isEqualTo("America/Los_Angeles");
        assertThat(zone("US", "Washington", "Seattle")).isEqualTo("America/Los_Angeles");
        assertThat(zone("US", "ca", "")).isEqualTo("America/Los_Angeles");
        assertThat(zone("US", "CALIFORNIA", "")).isEqualTo("America/Los_Angeles");
        assertThat(zone("US", "new york", "")).isEqualTo("America/New_York");
        assertThat(zone("US", "IL", "")).isEqualTo("America/Chicago");
        assertThat(zone("US", "Colorado", "")).isEqualTo("America/Denver");
        assertThat(zone("US", "AZ", "Phoenix")).isEqualTo("America/Phoenix");
        assertThat(zone("US", "HI", "")).isEqualTo("Pacific/Honolulu");
        assertThat(zone("US", "Alaska", "")).isEqualTo("America/Anchorage");
        assertThat(zone("US", "US-TX", "")).isEqualTo("America/Chicago");
    }

    @Test
    void washingtonDcIsNotWashingtonState() {
        assertThat(zone("US", "DC", "")).isEqualTo("America/New_York");
        assertThat(zone("US", "District of Columbia", "")).isEqualTo("America/New_York");
        assertThat(zone("US", "Washington, D.C.", "")).isEqualTo("America/New_York");
    }

    @Test
    void everyStateAndDcHasAZone() {
        List<String> codes = List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
                "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
                "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI",
                "WY");
        assertThat(codes).hasSize(51).allSatisfy(code -> assertThat(TimeZones.find("US", code, "")).isPresent());
    }

    @Test
    void aStateSpanningZonesTakesItsMostPopulousZoneExceptForCitiesInTheOther() {
        assertThat(zone("US", "TN", "Nashville")).isEqualTo("America/Chicago");
        assertThat(zone("US", "TN", "Knoxville")).isEqualTo("America/New_York");
        assertThat(zone("US", "FL", "Miami")).isEqualTo("America/New_York");
        assertThat(zone("US", "FL", "Pensacola")).isEqualTo("America/Chicago");
        assertThat(zone("US", "Texas", "Houston")).isEqualTo("America/Chicago");
        assertThat(zone("US", "Texas", "el paso")).isEqualTo("America/Denver");
        assertThat(zone("US", "IN", "Indianapolis")).isEqualTo("America/Indiana/Indianapolis");
        assertThat(zone("US", "ID", "Boise")).isEqualTo("America/Boise");
    }

    @Test
    void australiaByState() {
        assertThat(zone("AU", "NSW", "Sydney")).isEqualTo("Australia/Sydney");
        assertThat(zone("AU", "Victoria", "")).isEqualTo("Australia/Melbourne");
        assertThat(zone("AU", "ACT", "Canberra")).isEqualTo("Australia/Sydney");
        assertThat(zone("AU", "tas", "")).isEqualTo("Australia/Hobart");
        assertThat(zone("AU", "QLD", "")).isEqualTo("Australia/Brisbane");
        assertThat(zone("AU", "South Australia", "")).isEqualTo("Australia/Adelaide");
        assertThat(zone("AU", "NT", "")).isEqualTo("Australia/Darwin");
    }

    @Test
    void theSameCodeIsReadWithinItsCountry() {
        assertThat(zone("AU", "WA", "")).isEqualTo("Australia/Perth");
        assertThat(zone("US", "WA", "")).isEqualTo("America/Los_Angeles");
        assertThat(zone("US", "NT", "")).isEqualTo(FALLBACK.getId());
    }

    @Test
    void canadaByProvince() {
        assertThat(zone("CA", "ON", "Toronto")).isEqualTo("America/Toronto");
        assertThat(zone("CA", "Québec", "Montréal")).isEqualTo("America/Toronto");
        assertThat(zone("CA", "quebec", "")).isEqualTo("America/Toronto");
        assertThat(zone("CA", "British Columbia", "Vancouver")).isEqualTo("America/Vancouver");
        assertThat(zone("CA", "AB", "")).isEqualTo("America/Edmonton");
        assertThat(zone("CA", "SK", "Regina")).isEqualTo("America/Regina");
        assertThat(zone("CA", "NL", "St. John's")).isEqualTo("America/St_Johns");
    }

    @Test
    void unknownCountryOrMissingStateFallsBack() {
        assertThat(zone("BR", "SP", "São Paulo")).isEqualTo(FALLBACK.getId());
        assertThat(zone(null, null, null)).isEqualTo(FALLBACK.getId());
        assertThat(zone("", "", "")).isEqualTo(FALLBACK.getId());
        assertThat(zone("US", "", "Springfield")).isEqualTo(FALLBACK.getId());
        assertThat(zone("US", "Atlantis", "")).isEqualTo(FALLBACK.getId());
        assertThat(TimeZones.find("US", null, null)).isEmpty();
    }
}
