package io.tongbao.coin.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;

/**
 * Spending coins on the real database, through payment-service's internal endpoint: once per business record, never
 * below zero, and the balance always the sum of the ledger. (The Seata rollback of a debit is proven end to end.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "coin")
class WalletDebitIT {

    private static final AtomicLong USERS = new AtomicLong(System.currentTimeMillis());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JdbcTemplate jdbc;
    private final String url;

    @Autowired
    WalletDebitIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.url = "http://127.0.0.1:" + port + "/internal/coin/wallet-debits";
    }

    private long userWith(long coins) {
        long user = USERS.incrementAndGet();
        jdbc.update("INSERT INTO wallet (user_id, balance) VALUES (?, ?)", user, coins);
        jdbc.update("INSERT INTO coin_ledger (id, user_id, type, coins, balance_after, biz_type, biz_id) "
                + "VALUES (?, ?, 'CREDIT', ?, ?, 'COIN_RECHARGE', ?)", user, user, coins, coins, "r" + user);
        return user;
    }

    private HttpResponse<String> debit(long user, long coins, String payNo) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"coins\":" + coins
                            + ",\"bizType\":\"PAYMENT\",\"bizId\":\"" + payNo + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void debitsOncePerPaymentAndARepeatAnswersTheFirstDebit() {
        long user = userWith(100);
        HttpResponse<String> first = debit(user, 30, "p-" + user);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"balanceAfter\":\"70\"");
        assertThat(debit(user, 30, "p-" + user).body()).isEqualTo(first.body());
        assertThat(balance(user)).isEqualTo(70);
        assertThat(ledgerSum(user)).isEqualTo(70);
    }

    @Test
    void refusesMoreThanTheBalanceWith409AndWritesNothing() {
        long user = userWith(10);
        HttpResponse<String> refused = debit(user, 11, "p-" + user);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("INSUFFICIENT_BALANCE");
        assertThat(debit(USERS.incrementAndGet(), 1, "p-nowallet").statusCode()).as("no wallet at all").isEqualTo(409);
        assertThat(balance(user)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void tenConcurrentDebitsOnABalanceForThreeLeaveItAtZeroNeverBelow() throws Exception {
        long user = userWith(60);
        List<CompletableFuture<HttpResponse<String>>> debits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String payNo = "c" + i + "-" + user;
            debits.add(CompletableFuture.supplyAsync(() -> debit(user, 20, payNo)));
        }
        long ok = 0;
        for (CompletableFuture<HttpResponse<String>> d : debits) {
            int status = d.get().statusCode();
            assertThat(status).isIn(200, 409);
            ok += status == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(3);
        assertThat(balance(user)).isZero();
        assertThat(ledgerSum(user)).isZero();
    }

    private long balance(long user) {
        return jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", Long.class, user);
    }

    private long ledgerSum(long user) {
        return jdbc.queryForObject("SELECT SUM(coins) FROM coin_ledger WHERE user_id = ?", Long.class, user);
    }
}
