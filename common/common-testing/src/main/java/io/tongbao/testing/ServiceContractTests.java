package io.tongbao.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.tongbao.testing.seata.SeataClients;
import io.tongbao.testing.seata.SeataCoordinator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Tongbao service proves on the real parts. A service's application IT extends this, annotated with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and {@code @RealMiddleware(database = ..., seata = true)},
 * and adds its own tests.
 */
public abstract class ServiceContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    protected final JdbcTemplate jdbc;
    private final int port;
    private final String service;

    protected ServiceContractTests(JdbcTemplate jdbc, int port, String service) {
        this.jdbc = jdbc;
        this.port = port;
        this.service = service;
    }

    @Test
    void migratesAFreshSchemaWithFlyway() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).startsWith("tbt_" + service + "_");
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
        TestHttp.Response response = TestHttp.get(base() + "/api/" + service + "/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(json(response).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** GET with header name/value pairs, asserting 200. */
    protected TestHttp.Response http(String path, String... headers) {
        TestHttp.Response response = TestHttp.get(base() + path, headers);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response;
    }

    protected static JsonNode json(TestHttp.Response response) {
        return JSON.readTree(response.body());
    }
}
