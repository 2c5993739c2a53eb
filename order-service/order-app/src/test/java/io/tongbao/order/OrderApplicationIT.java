package io.tongbao.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.ServiceContractTests;
import tools.jackson.databind.JsonNode;

/** order-service on the real parts: a fresh MariaDB schema, Redis, the embedded broker and a Seata coordinator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "order", seata = true)
class OrderApplicationIT extends ServiceContractTests {

    @Autowired
    OrderApplicationIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        super(jdbc, port, "order");
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
}
