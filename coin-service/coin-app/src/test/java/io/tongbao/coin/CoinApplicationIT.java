package io.tongbao.coin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.ServiceContractTests;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;

/** coin-service on the real parts: a fresh MariaDB schema, Redis, the embedded broker and a Seata coordinator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "coin", seata = true)
class CoinApplicationIT extends ServiceContractTests {

    @Autowired
    CoinApplicationIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        super(jdbc, port, "coin");
    }

    @Test
    void servesTheSeededCoinPacks() {
        JsonNode pods = json(http("/api/coin/pods"));
        assertThat(pods).hasSize(3);
        assertThat(pods.get(1).get("podId").asString()).isEqualTo("30002");
        assertThat(pods.get(1).get("coin").asInt()).isEqualTo(300);
        assertThat(pods.get(1).get("giftCoin").asInt()).isEqualTo(30);
        assertThat(pods.get(1).get("price").asString()).isEqualTo("30.00");
    }

    @Test
    void servesTheCallersWalletFromTheDatabase() {
        jdbc.update("INSERT INTO wallet (user_id, balance) VALUES (4242, 360)");
        JsonNode wallet = json(http("/api/coin/wallet", "X-User-Id", "4242"));
        assertThat(wallet.get("userId").isString()).as("ids are strings").isTrue();
        assertThat(wallet.get("userId").asString()).isEqualTo("4242");
        assertThat(wallet.get("balance").isNumber()).as("coins are integers").isTrue();
        assertThat(wallet.get("balance").asLong()).isEqualTo(360);
        assertThat(json(http("/api/coin/wallet", "X-User-Id", "4343")).get("balance").asLong()).isZero();
    }

    @Test
    void refusesTheWalletWithoutACaller() {
        TestHttp.Response response = TestHttp.get(base() + "/api/coin/wallet");
        assertThat(response.status()).isEqualTo(401);
        assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }
}
