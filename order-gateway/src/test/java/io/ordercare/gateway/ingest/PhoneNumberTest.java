package io.ordercare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "13812345678, CN, +8613812345678",
            "138-1234-5678, CN, +8613812345678",
            "13812345678, null, +8613812345678",
            "8613812345678, CN, +8613812345678",
            "+86 138 1234 5678, US, +8613812345678",
            "0086 13812345678, CN, +8613812345678",
            "0571-88886666, CN, +8657188886666",
            "(415) 555-0100, US, +14155550100",
            "1-415-555-0100, US, +14155550100",
            "+1 415 555 0100, CN, +14155550100",
            "07700 900123, GB, +447700900123"})
    void normalizesToE164(String raw, String country, String e164) {
        assertThat(PhoneNumber.toE164(raw, country)).contains(e164);
    }

    @ParameterizedTest(name = "{0} in {1} is no phone number")
    @CsvSource(nullValues = "null", value = {
            "1381234567, CN",
            "139****5678, CN",
            "12345, CN",
            "+86138123456780000, CN",
            "4155550100, null",
            "4155550100, BR",
            "phone, US"})
    void rejectsWhatCannotBeANumber(String raw, String country) {
        assertThat(PhoneNumber.toE164(raw, country)).isEmpty();
    }

    @ParameterizedTest(name = "{0} masked is {1}")
    @CsvSource({
            "+8613812345678, +86138****5678",
            "+14155550100, +141****0100",
            "+86 138-1234-5678, +86138****5678",
            "1381234567, 13****4567",
            "12345, ****45",
            "1234, ****"})
    void masksTheMiddle(String phone, String masked) {
        assertThat(PhoneNumber.mask(phone)).isEqualTo(masked);
    }
}
