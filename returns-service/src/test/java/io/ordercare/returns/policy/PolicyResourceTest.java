package io.ordercare.returns.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyResourceTest {

    @Test
    void theSeededPoliciesAreListedAsData() {
        List<Map<String, Object>> all = given().get("/api/policies").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(all).anySatisfy(p -> {
            assertThat(p.get("platform")).isEqualTo("*");
            assertThat(p.get("category")).isEqualTo("fresh");
            assertThat(p.get("nonReturnable")).isEqualTo("FRESH_FOOD");
        });
    }

    @Test
    void aNewVersionEndsThePreviousOneWhereItStarts() {
        Map<String, Object> v1 = Map.of("platform", "testshop", "category", "general", "effectiveFrom",
                "2026-01-01T00:00:00Z", "returnWindowDays", 7, "exchangeAllowed", true, "sellerPaysReasons",
                List.of("DEFECTIVE"), "priceProtectionDays", 7, "description", "v1");
        given().contentType("application/json").body(v1).post("/api/policies").then().statusCode(201);
        Map<String, Object> v2 = Map.of("platform", "testshop", "category", "general", "effectiveFrom",
                "2026-06-01T00:00:00Z", "returnWindowDays", 15, "sellerPaysReasons", List.of("DEFECTIVE", "SIZE_FIT"),
                "description", "v2");
        int version = given().contentType("application/json").body(v2).post("/api/policies").then().statusCode(201)
                .extract().jsonPath().getInt("version");
        assertThat(version).isGreaterThanOrEqualTo(2);
        List<Map<String, Object>> mine = given().get("/api/policies").jsonPath()
                .getList("findAll { it.platform == 'TESTSHOP' }");
        assertThat(mine).anySatisfy(p -> {
            assertThat(p.get("version")).isEqualTo(version - 1);
            assertThat(String.valueOf(p.get("effectiveTo"))).startsWith("2026-06-01");
        });
    }

    @Test
    void anInvalidPolicyIsRejectedWithEveryField() {
        given().contentType("application/json").body(Map.of("platform", "", "returnWindowDays", -1,
                "sellerPaysReasons", List.of("BORED"))).post("/api/policies").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("platform", "category", "returnWindowDays",
                        "sellerPaysReasons[0]"));
    }
}
