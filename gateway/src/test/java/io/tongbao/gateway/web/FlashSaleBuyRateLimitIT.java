package io.tongbao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.tongbao.gateway.security.JwtCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buy endpoint's own limit, through the gateway's real routes and Redis, with a stand-in order-service that
 * answers every request: past its burst a user's buys get 429 RATE_LIMITED and never reach the service, while
 * another user's buys and the same user's other requests still go through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // two buys at once, then one every 30 s: nothing comes back while a test runs, however slow the machine
        properties = {"tongbao.gateway.flash-sale-buy.rate=1", "tongbao.gateway.flash-sale-buy.burst=60",
                "tongbao.gateway.flash-sale-buy.tokens-per-buy=30"})
@ActiveProfiles("local")
class FlashSaleBuyRateLimitIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger BUYS_SEEN = new AtomicInteger();
    private static final HttpServer ORDER_SERVICE = startOrderService();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JwtCodec jwt;

    @DynamicPropertySource
    static void orderService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri",
                () -> "http://127.0.0.1:" + ORDER_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stopOrderService() {
        ORDER_SERVICE.stop(0);
    }

    @Test
    void limitsOnlyTheBuyEndpointPerUserPastItsBurst() throws Exception {
        String alice = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000));
        String bob = Long.toString(Long.parseLong(alice) + 1);
        int before = BUYS_SEEN.get();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(buy(alice));
        }

        assertThat(answers.stream().map(HttpResponse::statusCode)).containsExactly(202, 202, 429, 429, 429, 429);
        List<HttpResponse<String>> limited = answers.stream().filter(a -> a.statusCode() == 429).toList();
        HttpResponse<String> first = limited.get(0);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(first.body()).get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(first.headers().firstValue("X-RateLimit-Burst-Capacity")).hasValue("60");
        assertThat(BUYS_SEEN.get() - before).as("limited buys never reach order-service")
                .isEqualTo(answers.size() - limited.size());

        assertThat(buy(bob).statusCode()).as("another user has a bucket of their own").isEqualTo(202);
        HttpResponse<String> other = send(alice, HttpRequest.newBuilder(uri("/api/order/orders")).GET());
        assertThat(other.statusCode()).as("the user's other requests are not limited by it").isEqualTo(200);
    }

    @Test
    void recognisesOnlyThePostToABuyPath() {
        assertThat(FlashSaleBuyRateLimitFilter.isBuy(HttpMethod.POST,
                PathContainer.parsePath("/api/order/flash-sales/123/buy"))).isTrue();
        assertThat(FlashSaleBuyRateLimitFilter.isBuy(HttpMethod.GET,
                PathContainer.parsePath("/api/order/flash-sales/123/buy"))).isFalse();
        assertThat(FlashSaleBuyRateLimitFilter.isBuy(HttpMethod.POST,
                PathContainer.parsePath("/api/order/flash-sales"))).isFalse();
        assertThat(FlashSaleBuyRateLimitFilter.isBuy(HttpMethod.POST,
                PathContainer.parsePath("/api/order/orders"))).isFalse();
    }

    private HttpResponse<String> buy(String user) throws Exception {
        return send(user, HttpRequest.newBuilder(uri("/api/order/flash-sales/77/buy"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + jwt.issue(user, List.of(), Duration.ofMinutes(5))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Answers 202 to a buy (and counts it), 200 to anything else. */
    private static HttpServer startOrderService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/order/", exchange -> {
                boolean buy = exchange.getRequestURI().getPath().endsWith("/buy");
                if (buy) {
                    BUYS_SEEN.incrementAndGet();
                }
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(buy ? 202 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
