package io.tongbao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

/**
 * The gateway starts on its own runtime classpath (common-core's auto-configurations included) against the real
 * Redis, and answers. The services pull in JDBC; the gateway does not, so a common class that names spring-jdbc and
 * is loaded in every process breaks only the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class GatewayApplicationIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void runsWithoutJdbcOnItsClasspath() {
        assertThat(ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", getClass().getClassLoader()))
                .as("the gateway's classpath has no spring-jdbc, as in its image").isFalse();
    }

    @Autowired
    @Qualifier(GatewayConfiguration.RATE_LIMITER_SCRIPT)
    RedisScript<?> rateLimiterScript;

    @Test
    void theRateLimiterScriptIsReadOnceNotAskedForItsJarOnEveryRequest() {
        assertThat(ReflectionTestUtils.getField(rateLimiterScript, "scriptSource")).isInstanceOf(StaticScriptSource.class);
        assertThat(rateLimiterScript.getScriptAsString()).contains("tokens_key").contains("redis.call");
        assertThat(rateLimiterScript.getSha1()).hasSize(40);
    }

    @Test
    void startsAndReportsReady() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
    }
}
