package io.ordercare.routing.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueChoiceTest {

    @Test
    void explicitQueueWins() {
        assertThat(QueueChoice.queueFor("Payments", "fresh", "return", CustomerValue.VIP)).isEqualTo("payments");
    }

    @Test
    void categorySpecialistsComeBeforeVipAndIntent() {
        assertThat(QueueChoice.queueFor(null, "fresh", "return", CustomerValue.VIP)).isEqualTo("fresh-food");
        assertThat(QueueChoice.queueFor(null, "large_appliance", null, CustomerValue.STANDARD)).isEqualTo("large-appliances");
        assertThat(QueueChoice.queueFor(null, "apparel", "return", CustomerValue.VIP)).isEqualTo("vip");
    }

    @Test
    void intentPicksTheQueueElseGeneral() {
        assertThat(QueueChoice.queueFor(null, null, "refund_status", CustomerValue.STANDARD)).isEqualTo("returns");
        assertThat(QueueChoice.queueFor(null, null, "payment_problem", CustomerValue.STANDARD)).isEqualTo("payments");
        assertThat(QueueChoice.queueFor(null, null, "delivery_time", CustomerValue.STANDARD)).isEqualTo("logistics");
        assertThat(QueueChoice.queueFor(null, null, "complaint", CustomerValue.STANDARD)).isEqualTo("general");
    }

    @Test
    void preferredSkillsNameTheSpecialistVipAndIntent() {
        assertThat(QueueChoice.preferredSkills("fresh", "refund", CustomerValue.VIP)).containsExactly("fresh_food", "vip",
                "returns");
    }
}
