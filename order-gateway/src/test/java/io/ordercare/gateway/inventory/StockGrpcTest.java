package io.ordercare.gateway.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.ordercare.gateway.platform.TestOrders;
import io.ordercare.proto.order.v1.GetStockRequest;
import io.ordercare.proto.order.v1.GetStockResponse;
import io.ordercare.proto.order.v1.OrderServiceGrpc;
import io.ordercare.proto.order.v1.StockLevel;
import io.ordercare.stack.KafkaTopics;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** gRPC GetStock: the inventory snapshot fed by inventory.levels, read by internal callers. */
@QuarkusTest
class StockGrpcTest {

    @GrpcClient("orders")
    OrderServiceGrpc.OrderServiceBlockingStub orders;

    private GetStockResponse stock(String... skus) {
        return orders.getStock(GetStockRequest.newBuilder().addAllSkus(List.of(skus)).build());
    }

    @Test
    void aLevelReceivedOnInventoryLevelsIsAnsweredWithItsTime() {
        String sku = "SKU-" + TestOrders.unique();
        KafkaTopics.send("inventory.levels", sku, "{\"specversion\":\"1.0\",\"id\":\"" + sku + "-1\",\"source\":\"/wms\","
                + "\"type\":\"inventory.level\",\"time\":\"2026-11-20T08:30:00Z\",\"data\":{\"sku\":\"" + sku
                + "\",\"available\":7,\"restockEta\":\"2026-12-05\"}}");

        await().atMost(Duration.ofSeconds(30)).until(() -> stock(sku).getLevels(0).getKnown());
        StockLevel level = stock(sku).getLevels(0);
        assertThat(level.getSku()).isEqualTo(sku);
        assertThat(level.getAvailable()).isEqualTo(7);
        assertThat(level.getUpdatedAt()).isEqualTo("2026-11-20T08:30:00Z");
        assertThat(level.getRestockEta()).isEqualTo("2026-12-05");
    }

    @Test
    void anUnknownSkuIsNotKnownAndEveryAskedSkuIsAnsweredOnceInOrder() {
        String known = "SKU-" + TestOrders.unique();
        String unknown = "NEVER-" + TestOrders.unique();
        KafkaTopics.send("inventory.levels", known, "{\"sku\":\"" + known + "\",\"available\":0}");
        await().atMost(Duration.ofSeconds(30)).until(() -> stock(known).getLevels(0).getKnown());

        GetStockResponse answer = stock(unknown, known, unknown);

        assertThat(answer.getLevelsList()).extracting(StockLevel::getSku).containsExactly(unknown, known);
        StockLevel none = answer.getLevels(0);
        assertThat(none.getKnown()).isFalse();
        assertThat(none.getAvailable()).isZero();
        assertThat(none.getUpdatedAt()).isEmpty();
        StockLevel zero = answer.getLevels(1);
        assertThat(zero.getKnown()).isTrue();
        assertThat(zero.getAvailable()).isZero();
        assertThat(zero.getUpdatedAt()).isNotEmpty();
        assertThat(zero.getRestockEta()).isEmpty();
    }

    @Test
    void anEmptyListIsAnInvalidArgument() {
        assertThatThrownBy(() -> orders.getStock(GetStockRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("skus: required");
                });
    }

    @Test
    void moreThanAHundredSkusIsAnInvalidArgument() {
        List<String> skus = IntStream.range(0, 101).mapToObj(i -> "SKU-" + i).toList();
        assertThatThrownBy(() -> orders.getStock(GetStockRequest.newBuilder().addAllSkus(skus).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("skus: too_many");
                });
    }

    @Test
    void blankAndOverlongSkusAreEachNamed() {
        String tooLong = String.join("", Collections.nCopies(101, "x"));
        assertThatThrownBy(() -> stock("OK-1", " ", tooLong))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("skus[1]: required; skus[2]: too_long");
                });
    }
}
