package io.tongbao.payment;

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

/** payment-service on the real parts: a fresh MariaDB schema, Redis, the embedded broker and a Seata coordinator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "payment", seata = true)
class PaymentApplicationIT extends ServiceContractTests {

    @Autowired
    PaymentApplicationIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        super(jdbc, port, "payment");
    }

    @Test
    void offersOnlyTheWalletWithACoordinatorAndNoProviderKeys() {
        JsonNode channels = json(http("/api/payment/channels"));
        assertThat(channels.isArray()).isTrue();
        assertThat(channels).hasSize(1);
        assertThat(channels.get(0).get("channel").asString()).isEqualTo("WALLET");
        assertThat(channels.get(0).get("modes").toString()).isEqualTo("[\"BALANCE\"]");
    }
}
