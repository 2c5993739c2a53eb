package io.tongbao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.tongbao.gateway.security.JwtCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stopped service, through the gateway's own routes and load balancer: while nothing listens on coin-service's
 * port, or discovery has no instance of a service, clients get 503 SERVICE_UNAVAILABLE problem+json with
 * Retry-After, naming nothing inside. Answers that a running service gives (409, its own 503) pass unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(ServiceUnavailableIT.TestRoutes.class)
class ServiceUnavailableIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int DEAD_PORT = freePort();
    /** A running service (started before the context, whose test route points at it). */
    private static final HttpServer RUNNING = startARunningService();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JwtCodec jwt;

    @DynamicPropertySource
    static void stoppedCoinService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.coin-service[0].uri",
                () -> "http://127.0.0.1:" + DEAD_PORT);
    }

    @AfterAll
    static void stopTheRunningService() {
        RUNNING.stop(0);
    }

    @Test
    void answers503ProblemWithRetryAfterWhileNothingListensOnTheServicesPort() throws Exception {
        assertServiceUnavailable(send(HttpRequest.newBuilder(uri("/api/coin/pods"))));
    }

    @Test
    void answersACreateThe503ProblemToo() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/coin/recharges"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "it-503-create")
                .POST(HttpRequest.BodyPublishers.ofString("{\"podId\":\"1\"}")));

        assertServiceUnavailable(answer);
    }

    @Test
    void answers503ProblemWithRetryAfterWhenTheLoadBalancerHasNoInstance() throws Exception {
        assertServiceUnavailable(send(HttpRequest.newBuilder(uri("/api/it-missing/things"))));
    }

    @Test
    void passesARunningServicesConflictAnd503OnUnchanged() throws Exception {
        HttpResponse<String> conflict = send(HttpRequest.newBuilder(uri("/api/it-running/409")));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body()).get("code").asString()).isEqualTo("OWN_409");

        HttpResponse<String> busy = send(HttpRequest.newBuilder(uri("/api/it-running/503")));
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).isEmpty();
        assertThat(JSON.readTree(busy.body()).get("code").asString()).isEqualTo("OWN_503");
    }

    private void assertServiceUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isEqualTo(answer.headers().firstValue("X-Request-Id").get());
        assertThat(problem.get("detail").asString()).as("no service named").doesNotContain("coin", "it-missing");
        assertThat(answer.body()).as("no internals in the answer")
                .doesNotContain("127.0.0.1", Integer.toString(DEAD_PORT), "coin-service", "instance for", "Exception");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sent as a signed-in user, so that the routes behind authentication are reached. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + jwt.issue("42", List.of("USER"), Duration.ofMinutes(5)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer startARunningService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/it-running/", exchange -> {
                String status = exchange.getRequestURI().getPath().substring("/api/it-running/".length());
                byte[] body = ("{\"status\":" + status + ",\"detail\":\"its own answer\",\"code\":\"OWN_" + status
                        + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(Integer.parseInt(status), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Routes of the test only: a service with no instance anywhere, and one that is running. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestRoutes {
        @Bean
        RouteLocator testRoutes(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("it-missing", r -> r.path("/api/it-missing/**").uri("lb://it-missing"))
                    .route("it-running", r -> r.path("/api/it-running/**")
                            .uri("http://127.0.0.1:" + RUNNING.getAddress().getPort()))
                    .build();
        }
    }
}
