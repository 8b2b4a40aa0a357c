package io.ordercare.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.ordercare.platform.FieldError;
import io.ordercare.platform.InvalidRequestException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a valid shipment, without Quarkus. */
class ShipmentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void carrierIsNormalisedToUpperCase() {
        Shipment s = Shipment.of(" sf ", "SF1234567890", "深圳市", "2026-11-28", TODAY);

        assertThat(s.carrier).isEqualTo("SF");
        assertThat(s.trackingNumber).isEqualTo("SF1234567890");
        assertThat(s.origin).isEqualTo("深圳市");
        assertThat(s.promisedDeliveryDate).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(s.shippedAt).isNull();
    }

    @Test
    void aWellFormedCarrierOutsideTheKnownOnesIsAccepted() {
        assertThat(Shipment.of("BEST_EXPRESS-2", "BE-000123", null, "2026-11-25", TODAY).carrier)
                .isEqualTo("BEST_EXPRESS-2");
    }

    @Test
    void originIsOptionalAndABlankOneIsAbsent() {
        assertThat(Shipment.of("JD", "JDVA00012345", "  ", "2026-11-26", TODAY).origin).isNull();
    }

    @Test
    void todayIsAValidPromisedDate() {
        assertThat(Shipment.of("EMS", "EE123456789CN", null, "2026-11-25", TODAY).promisedDeliveryDate)
                .isEqualTo(TODAY);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThat(errors(null, "SF 123", "x".repeat(65), "2026-11-24"))
                .extracting(FieldError::field, FieldError::code).containsExactly(
                        tuple("carrier", "required"),
                        tuple("trackingNumber", "invalid_tracking_number"),
                        tuple("origin", "too_long"),
                        tuple("promisedDeliveryDate", "date_in_past"));
    }

    @Test
    void aCarrierCodeWithOtherCharactersOrTooLongIsInvalid() {
        assertThat(errors("S.F.", "SF1234567890", null, "2026-11-28")).extracting(FieldError::code)
                .containsExactly("invalid_carrier");
        assertThat(errors("A".repeat(33), "SF1234567890", null, "2026-11-28")).extracting(FieldError::code)
                .containsExactly("invalid_carrier");
    }

    @Test
    void trackingNumberMustBeSixToFortyLettersDigitsOrDashes() {
        assertThat(errors("SF", "SF123", null, "2026-11-28")).extracting(FieldError::code)
                .containsExactly("invalid_tracking_number");
        assertThat(errors("SF", "S".repeat(41), null, "2026-11-28")).extracting(FieldError::code)
                .containsExactly("invalid_tracking_number");
        assertThat(errors("SF", "", null, "")).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("trackingNumber", "required"),
                tuple("promisedDeliveryDate", "required"));
    }

    @Test
    void aPromisedDateThatIsNotAnIsoDateIsInvalid() {
        assertThat(errors("SF", "SF1234567890", null, "28/11/2026")).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("promisedDeliveryDate", "invalid_date"));
    }

    private static List<FieldError> errors(String carrier, String tracking, String origin, String promised) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> Shipment.of(carrier, tracking, origin, promised, TODAY));
        assertThat(e).as("rejected").isNotNull();
        return e.errors();
    }
}
