package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.JSON;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static io.tongbao.localstack.StackClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Observability end to end on the local stack: the business metrics on each service's /actuator/prometheus move
 * with a paid recharge, and one trace id, sent by the client in {@code traceparent}, is in the logs of the gateway,
 * the service it called, the service that service called over Feign, and the consumers of the events the request
 * caused (through the outbox and RocketMQ). Problems and the gateway's responses carry it back.
 */
@ExtendWith(LocalStack.class)
class ObservabilityIT {

    private static final AtomicLong USERS = new AtomicLong(700_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ORDER_PORT = 18081;
    private static final int COIN_PORT = 18083;

    @Test
    void businessMetricsMoveWithAPaidRecharge() {
        String payment0 = scrape(LocalStack.PAYMENT_PORT);
        String order0 = scrape(ORDER_PORT);
        double success0 = sample(payment0, "tongbao_payments_total", "channel=\"ALIPAY\"", "status=\"SUCCESS\"");
        double notifies0 = sample(payment0, "tongbao_payment_notify_seconds_count", "channel=\"ALIPAY\"",
                "outcome=\"success\"");
        double paidOrders0 = sample(order0, "tongbao_orders", "status=\"PAID\"");
        assertThat(success0).as("pre-registered at zero or more").isNotNaN();
        assertThat(notifies0).as("pre-registered at zero or more").isNotNaN();
        assertThat(paidOrders0).as("every status is present").isNotNaN();

        String token = devToken(USERS.incrementAndGet());
        JsonNode recharge = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", 201);
        String payNo = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + recharge.get("orderNo").asString() + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201)
                .get("payNo").asString();
        await("a PENDING attempt is counted",
                () -> sample(scrape(LocalStack.PAYMENT_PORT), "tongbao_payments_pending") >= 1);
        sandbox("/sandbox/alipay/trades/" + payNo + "/pay", "");
        await("the wallet is credited",
                () -> call("GET", "/api/coin/wallet", token, null, 200).get("balance").asLong() == 330L);

        await("payments SUCCESS went up", () -> sample(scrape(LocalStack.PAYMENT_PORT), "tongbao_payments_total",
                "channel=\"ALIPAY\"", "status=\"SUCCESS\"") >= success0 + 1);
        await("a successful notify was timed", () -> sample(scrape(LocalStack.PAYMENT_PORT),
                "tongbao_payment_notify_seconds_count", "channel=\"ALIPAY\"", "outcome=\"success\"") >= notifies0 + 1);
        await("the PAID orders gauge went up (refreshed on its schedule)",
                () -> sample(scrape(ORDER_PORT), "tongbao_orders", "status=\"PAID\"") >= paidOrders0 + 1);

        String payment = scrape(LocalStack.PAYMENT_PORT);
        String order = scrape(ORDER_PORT);
        String coin = scrape(COIN_PORT);
        for (String outboxService : List.of(payment, order)) {
            assertThat(sample(outboxService, "tongbao_outbox_pending")).isGreaterThanOrEqualTo(0);
            assertThat(sample(outboxService, "tongbao_outbox_pending_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
            assertThat(sample(outboxService, "tongbao_metrics_source_up", "source=\"outbox\"")).isEqualTo(1);
        }
        assertThat(sample(payment, "tongbao_payments_pending_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(sample(order, "tongbao_consumer_failures_total", "topic=\"payment-success\"")).isGreaterThanOrEqualTo(0);
        assertThat(sample(order, "tongbao_consumer_dead_letters_total", "topic=\"payment-success\"")).isGreaterThanOrEqualTo(0);
        assertThat(sample(coin, "tongbao_consumer_dead_letters_total", "topic=\"order-events\"")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void oneTraceIdSpansTheGatewayTheServicesAndTheConsumers() {
        String token = devToken(USERS.incrementAndGet());
        // 1. a recharge: gateway -> coin-service -> Feign -> order-service, whose order-timeout timer message is
        //    written to the outbox and consumed by order-service itself
        String checkoutTrace = newTraceId();
        HttpResponse<String> created = traced("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", checkoutTrace);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Trace-Id")).hasValue(checkoutTrace);
        String orderNo = JSON.readTree(created.body()).get("orderNo").asString();
        String payNo = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201).get("payNo").asString();

        // 2. a lost notify, settled by the client's query: gateway -> payment-service, whose payment-success goes
        //    through the outbox to order-service, whose order-events PAID goes to coin-service
        sandbox("/sandbox/alipay/trades/" + payNo + "/pay?notify=false", "");
        String payTrace = newTraceId();
        HttpResponse<String> query = traced("GET", "/api/payment/payments/" + payNo, token, null, payTrace);
        assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
        assertThat(JSON.readTree(query.body()).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(query.headers().firstValue("X-Trace-Id")).hasValue(payTrace);

        await("the payment's trace reaches every hop", () -> logged("gateway", payTrace, "/api/payment/payments/" + payNo)
                && logged("payment-service", payTrace, "Payment " + payNo + " succeeded")
                && logged("order-service", payTrace, "topic payment-success")
                && logged("coin-service", payTrace, "Credited 330 coins"));
        // order-service wrote the timer message while serving coin-service's Feign call: only a trace carried over
        // Feign reaches its consumer
        await("the checkout's trace reaches order-service over Feign and its order-timeout consumer",
                () -> logged("gateway", checkoutTrace, "/api/coin/recharges")
                        && logged("order-service", checkoutTrace, "topic order-timeout"));
        assertThat(logged("coin-service", payTrace, "topic order-events")).isTrue();
    }

    @Test
    void problemsAndResponsesCarryTheTraceId() {
        String token = devToken(USERS.incrementAndGet());
        String fromService = newTraceId();
        HttpResponse<String> notFound = traced("GET", "/api/order/orders/999999999", token, null, fromService);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(notFound.body()).get("traceId").asString()).isEqualTo(fromService);
        assertThat(notFound.headers().firstValue("X-Trace-Id")).hasValue(fromService);

        String fromGateway = newTraceId();
        HttpResponse<String> unauthenticated = traced("GET", "/api/coin/wallet", null, null, fromGateway);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unauthenticated.body()).get("traceId").asString()).isEqualTo(fromGateway);
        assertThat(unauthenticated.headers().firstValue("X-Trace-Id")).hasValue(fromGateway);

        HttpResponse<String> untraced = send(HttpRequest.newBuilder(LocalStack.gateway("/api/order/products")).GET());
        assertThat(untraced.headers().firstValue("X-Trace-Id").orElse("")).as("a new trace for a client without one")
                .matches("[0-9a-f]{32}");
    }

    // ------------------------------------------------------------------ helpers

    private static String newTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static HttpResponse<String> traced(String method, String path, String token, String body, String traceId) {
        byte[] parent = new byte[8];
        RANDOM.nextBytes(parent);
        HttpRequest.Builder request = HttpRequest.newBuilder(LocalStack.gateway(path))
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(parent) + "-01")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** True when a line of the part's log has the trace id and the text. */
    private static boolean logged(String part, String traceId, String text) {
        Path log = LocalStack.runDir.resolve("logs").resolve(part + ".log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .anyMatch(line -> line.contains(traceId) && line.contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scrape(int port) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The sum of the samples of {@code name} that have all the labels, or NaN when there is none. */
    static double sample(String exposition, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)").matcher(exposition);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            String set = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(set::contains)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
