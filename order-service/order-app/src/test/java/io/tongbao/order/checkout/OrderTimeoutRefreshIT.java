package io.tongbao.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * tongbao.order.timeout changes while order-service runs: a changed configuration source, then Spring Cloud's
 * context refresher (what the Nacos listener calls when the data id changes), and the next order expires after the
 * new timeout. A file import stands in for the Nacos data id, which needs a server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--spring.config.import=optional:file:" + OrderTimeoutRefreshIT.SOURCE)
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class OrderTimeoutRefreshIT {

    static final String SOURCE = "target/order-timeout-refresh-it/order-service.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // before the context starts (the constructor's parameters start it): what an earlier run left is not read
    @BeforeAll
    static void resetSource() {
        write("tongbao.order.timeout: PT30M");
    }

    private final JdbcTemplate jdbc;
    private final ContextRefresher refresher;
    private final String base;

    @Autowired
    OrderTimeoutRefreshIT(JdbcTemplate jdbc, ContextRefresher refresher, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.refresher = refresher;
        this.base = "http://127.0.0.1:" + port;
    }

    @Test
    void newOrdersExpireAfterTheTimeoutSetWhileRunning() {
        write("tongbao.order.timeout: PT45M");
        refresher.refresh();
        assertThat(expiryOfANewOrder()).isEqualTo(Duration.ofMinutes(45));

        write("tongbao.order.timeout: PT7M");
        assertThat(refresher.refresh()).contains("tongbao.order.timeout");

        assertThat(expiryOfANewOrder()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void keepsTheTimeoutWhenTheNewOneIsRefused() {
        write("tongbao.order.timeout: PT9M");
        refresher.refresh();

        write("tongbao.order.timeout: PT0S");
        assertThat(refresher.refresh()).contains("tongbao.order.timeout");

        assertThat(expiryOfANewOrder()).as("a zero timeout would close every new order at once")
                .isEqualTo(Duration.ofMinutes(9));
    }

    /** How long after its creation a new order without a timeout of its own expires. */
    private Duration expiryOfANewOrder() {
        String body = """
                {"userId":"1001","bizType":"COIN_RECHARGE","bizId":"refresh-%s",
                 "items":[{"itemType":"POD","itemId":"30002","name":"300 coins","quantity":1,"priceFen":"3000"}]}"""
                .formatted(UUID.randomUUID());
        TestHttp.Response response = TestHttp.postJson(base + "/internal/order/orders", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String orderNo = JSON.readTree(response.body()).get("orderNo").asString();
        return jdbc.queryForObject("SELECT created_at, expire_at FROM orders WHERE order_no = ?",
                (row, n) -> Duration.between(row.getTimestamp(1).toInstant(),
                        row.getTimestamp(2).toInstant()), orderNo);
    }

    private static void write(String yaml) {
        try {
            Path file = Path.of(SOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
