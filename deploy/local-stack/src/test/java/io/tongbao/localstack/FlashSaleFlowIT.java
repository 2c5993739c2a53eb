package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * A flash sale end to end through the gateway: an ADMIN creates it, anyone lists it, a crowd buys (each buyer also
 * past the buy endpoint's own rate limit) and exactly the units become tickets, each ticket becomes an ordinary
 * GOODS order at the sale price, one is paid in the sandbox, one is cancelled and its unit goes to a later buyer.
 */
@ExtendWith(LocalStack.class)
class FlashSaleFlowIT {

    private static final AtomicLong USERS = new AtomicLong(600_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final AtomicLong SKUS = new AtomicLong(500_000 + System.currentTimeMillis() % 100_000 * 10);
    private static JdbcTemplate orderDb;

    @BeforeAll
    static void connect() {
        orderDb = db("order");
    }

    @Test
    void aCrowdBuysFiveUnitsAndGetsExactlyFiveOrdersThatArePaidAndCancelledLikeAnyOther() throws Exception {
        long skuId = SKUS.incrementAndGet();
        orderDb.update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, 5000, 8, 'ON_SALE')", skuId,
                "Flash flow SKU " + skuId);
        String admin = devToken(1, "\"ADMIN\"");
        String sale = "{\"skuId\":\"" + skuId + "\",\"units\":5,\"price\":\"9.90\",\"startAt\":\""
                + Instant.now().minusSeconds(2) + "\",\"endAt\":\"" + Instant.now().plusSeconds(600) + "\"}";
        assertThat(call("POST", "/api/order/flash-sales", devToken(USERS.incrementAndGet()), sale, 403)
                .get("code").asString()).isEqualTo("FORBIDDEN");
        String saleId = call("POST", "/api/order/flash-sales", admin, sale, 201).get("saleId").asString();
        assertThat(counters(skuId)).containsEntry("stock", 3).containsEntry("reserved", 5);

        HttpResponse<String> listed = StackClient.send(HttpRequest.newBuilder(LocalStack.gateway("/api/order/flash-sales")));
        assertThat(listed.statusCode()).as("public").isEqualTo(200);
        assertThat(listed.body()).contains("\"saleId\":\"" + saleId + "\"", "\"status\":\"RUNNING\"");

        // 30 buyers press Buy three times each, all at once
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add(devToken(USERS.incrementAndGet()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String token : tokens) {
                futures.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return buy(token, saleId);
                }));
            }
        }
        start.countDown();
        Map<String, String> ticketOwners = new HashMap<>();
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<String> answer = futures.get(i).get();
            JsonNode body = StackClient.JSON.readTree(answer.body());
            answers.merge(answer.statusCode() + " " + (answer.statusCode() == 202 ? "" : body.get("code").asString()), 1,
                    Integer::sum);
            if (answer.statusCode() == 202) {
                ticketOwners.put(body.get("ticketId").asString(), tokens.get(i % tokens.size()));
            }
        }
        pool.shutdown();
        assertThat(ticketOwners).as(answers.toString()).hasSize(5);
        assertThat(answers.keySet()).as("nothing but tickets and clean refusals")
                .isSubsetOf("202 ", "409 SOLD_OUT", "409 LIMIT_REACHED", "429 RATE_LIMITED");
        assertThat(ticketOwners.values()).as("one unit per buyer").doesNotHaveDuplicates();

        List<String[]> orders = new ArrayList<>();
        for (Map.Entry<String, String> ticket : ticketOwners.entrySet()) {
            String path = "/api/order/flash-sales/tickets/" + ticket.getKey();
            awaitValue(() -> call("GET", path, ticket.getValue(), null, 200).get("status").asString(), "ORDERED");
            String orderNo = call("GET", path, ticket.getValue(), null, 200).get("orderNo").asString();
            JsonNode order = call("GET", "/api/order/orders/" + orderNo, ticket.getValue(), null, 200);
            assertThat(order.get("bizType").asString()).isEqualTo("GOODS");
            assertThat(order.get("amount").asString()).isEqualTo("9.90");
            orders.add(new String[] {orderNo, ticket.getValue()});
        }
        assertThat(call("GET", "/api/order/flash-sales/tickets/" + ticketOwners.keySet().iterator().next(), admin, null,
                404).get("code").asString()).as("another user's ticket").isEqualTo("TICKET_NOT_FOUND");

        // one is paid in the sandbox: the unit is sold, like any goods order
        String[] paid = orders.get(0);
        JsonNode payment = call("POST", "/api/payment/payments", paid[1],
                "{\"orderNo\":\"" + paid[0] + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201);
        assertThat(payment.get("amount").asString()).isEqualTo("9.90");
        sandbox("/sandbox/alipay/trades/" + payment.get("payNo").asString() + "/pay", "");
        awaitValue(() -> call("GET", "/api/order/orders/" + paid[0], paid[1], null, 200).get("status").asString(), "PAID");
        awaitValue(() -> counters(skuId).get("sold"), 1);

        // one is cancelled: its unit goes back to the sale, not to free stock, and a later buyer gets it
        String[] cancelled = orders.get(1);
        call("POST", "/api/order/orders/" + cancelled[0] + "/cancel", cancelled[1], null, 200);
        awaitValue(() -> orderDb.queryForObject("SELECT remaining FROM flash_sale WHERE id = ?", Integer.class,
                Long.parseLong(saleId)) > 0, true);
        String later = devToken(USERS.incrementAndGet());
        HttpResponse<String> bought = buy(later, saleId);
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(202);
        String laterTicket = StackClient.JSON.readTree(bought.body()).get("ticketId").asString();
        awaitValue(() -> call("GET", "/api/order/flash-sales/tickets/" + laterTicket, later, null, 200).get("status")
                .asString(), "ORDERED");
        assertThat(counters(skuId).get("stock")).as("free stock never touched by the sale's orders").isEqualTo(3);
    }

    private static HttpResponse<String> buy(String token, String saleId) {
        return StackClient.send(HttpRequest.newBuilder(LocalStack.gateway("/api/order/flash-sales/" + saleId + "/buy"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Map<String, Object> counters(long skuId) {
        return orderDb.queryForMap("SELECT stock, reserved, sold FROM sku WHERE id = ?", skuId);
    }
}
