package io.ordercare.logistics.shipment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipmentResourceTest {

    @Test
    void anUnknownTrackingNumberIsA404ProblemInTheCallersLanguage() {
        given().header("Accept-Language", "zh-CN").queryParam("trackingNumber", "YT0000000000000")
                .get("/api/shipments")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", is("未找到物流信息"))
                .body("detail", containsString("YT0000000000000"));
        given().queryParam("trackingNumber", "YT0000000000000").get("/api/shipments")
                .then().statusCode(404).body("title", is("Shipment not found"));
    }

    @Test
    void askingWithoutOrderIdOrTrackingNumberIsA400NamingTheField() {
        given().get("/api/shipments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("trackingNumber"));
    }

    @Test
    void anInvalidReturnParcelListsEveryFieldAndWatchesNothing() {
        given().contentType("application/json").header("Accept-Language", "zh")
                .body("{\"carrier\":\"S F\",\"trackingNumber\":\"12\"}")
                .post("/api/shipments/returns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("returnId", "orderId", "carrier", "trackingNumber"))
                .body("errors.find { it.field == 'trackingNumber' }.message", containsString("运单号"));
        given().queryParam("trackingNumber", "12").get("/api/shipments").then().statusCode(404);
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType("application/json").body("{ not json").post("/api/shipments/returns")
                .then().statusCode(400).contentType("application/problem+json").body("title", is("Malformed JSON"));
    }
}
