package io.tongbao.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import io.tongbao.testing.seata.SeataClients;
import io.tongbao.testing.seata.SeataCoordinator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** order-service on the real parts: a fresh MariaDB schema, Redis, the embedded broker and a Seata coordinator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "order", seata = true)
class OrderApplicationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;
    private final int port;

    @Autowired
    OrderApplicationIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void migratesAFreshSchemaWithFlyway() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).startsWith("tbt_order_");
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = 1", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void registersItsTmAndRmWithTheCoordinator() throws InterruptedException {
        assertThat(SeataClients.awaitRegistered(SeataCoordinator.shared().address(), Duration.ofSeconds(30))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM undo_log", Integer.class)).isZero();
    }

    @Test
    void answersUnknownPathsWithAProblemAndAStableCode() {
        TestHttp.Response response = TestHttp.get(base() + "/api/order/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(json(response).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void publishesItsOpenApiDocumentForUseThroughTheGateway() {
        JsonNode doc = json(http("/v3/api-docs"));
        assertThat(doc.get("paths").has("/api/order/products")).isTrue();
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo("/");
    }

    @Test
    void servesTheSeededGoodsCatalog() {
        JsonNode products = json(http("/api/order/products"));
        assertThat(products).hasSize(3);
        assertThat(products.get(0).get("skuId").asString()).isEqualTo("10001");
        assertThat(products.get(0).get("price").asString()).isEqualTo("12.50");
        assertThat(products.get(0).get("stock").asInt()).isEqualTo(100);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private TestHttp.Response http(String path, String... headers) {
        TestHttp.Response response = TestHttp.get(base() + path, headers);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response;
    }

    private static JsonNode json(TestHttp.Response response) {
        return JSON.readTree(response.body());
    }
}
