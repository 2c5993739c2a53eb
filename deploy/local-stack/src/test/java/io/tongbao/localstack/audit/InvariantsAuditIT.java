package io.tongbao.localstack.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tongbao.testing.LocalMiddleware;
import io.tongbao.testing.TestDatabases;

/**
 * The audit itself, on four schemas built by the services' own migrations (no suite running): books that agree
 * pass with exit 0, and each invariant broken on purpose fails with exit 1, naming that invariant.
 */
class InvariantsAuditIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Map<String, String> SCHEMAS = new LinkedHashMap<>();
    private static Databases db;

    @BeforeAll
    static void migrate() {
        for (String service : Databases.SERVICES) {
            String schema = TestDatabases.create("audit_" + service);
            Flyway.configure().dataSource(LocalMiddleware.jdbcUrl(schema), LocalMiddleware.dbUser(),
                    LocalMiddleware.dbPassword()).locations("filesystem:" + ROOT.resolve(service + "-service/"
                            + service + "-app/src/main/resources/db/migration")).load().migrate();
            SCHEMAS.put(service, schema);
        }
        db = new Databases("jdbc:mysql://" + LocalMiddleware.dbHost() + ":" + LocalMiddleware.dbPort(),
                LocalMiddleware.dbUser(), LocalMiddleware.dbPassword(), SCHEMAS);
    }

    /** One paid recharge (credited), one paid course (enrolled), one paid goods order (deducted), one closed order. */
    @BeforeEach
    void booksThatAgree() throws SQLException {
        sql("order", "DELETE FROM orders", "DELETE FROM stock_reservation", "DELETE FROM late_payment",
                order(1, "R1", "COIN_RECHARGE", "7001", "PAID", 600, "P1"),
                order(2, "C1", "COURSE", "8001", "PAID", 1000, "P2"),
                order(3, "G1", "GOODS", "g-3", "PAID", 500, "P3"),
                "INSERT INTO orders (id, order_no, user_id, biz_type, biz_id, status, amount_fen, currency, expire_at, "
                        + "closed_at) VALUES (4, 'X1', 1001, 'GOODS', 'g-4', 'CLOSED', 800, 'CNY', NOW(), NOW())",
                "INSERT INTO stock_reservation (order_id, sku_id, quantity, status) VALUES (3, 10001, 1, 'DEDUCTED')",
                "INSERT INTO stock_reservation (order_id, sku_id, quantity, status) VALUES (4, 10001, 1, 'RELEASED')");
        sql("payment", "DELETE FROM pay_attempt", "DELETE FROM pay_attempt_order", "DELETE FROM refund",
                attempt(11, "P1", "R1", 600), attempt(12, "P2", "C1", 1000), attempt(13, "P3", "G1", 500));
        sql("coin", "DELETE FROM wallet", "DELETE FROM coin_ledger",
                "INSERT INTO wallet (user_id, balance) VALUES (1001, 60)",
                "INSERT INTO coin_ledger (id, user_id, type, coins, balance_after, biz_type, biz_id) "
                        + "VALUES (21, 1001, 'CREDIT', 60, 60, 'COIN_RECHARGE', '7001')");
        sql("learning", "DELETE FROM choose_course", "DELETE FROM my_course",
                "INSERT INTO choose_course (id, user_id, course_id, status, order_no) VALUES (8001, 1001, 40001, "
                        + "'ENROLLED', 'C1')",
                "INSERT INTO my_course (id, user_id, course_id, source, choose_id) VALUES (31, 1001, 40001, "
                        + "'PURCHASE', 8001)");
    }

    @Test
    void passesWithExitZeroWhenTheBooksAgree() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditMain.run(db, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("All 9 invariants hold.").doesNotContain("FAIL");
    }

    static Stream<Arguments> brokenOnPurpose() {
        return Stream.of(
                Arguments.of("coin", "DELETE FROM coin_ledger; UPDATE wallet SET balance = 0",
                        List.of("RECHARGE_CREDITED_ONCE")),
                Arguments.of("coin", "UPDATE wallet SET balance = balance + 10", List.of("WALLET_EQUALS_LEDGER")),
                Arguments.of("payment", attempt(14, "P4", "R1", 600),
                        List.of("ONE_PAYMENT_APPLIED_PER_ORDER", "PAYMENTS_EQUAL_PAID_ORDERS")),
                Arguments.of("order", "UPDATE orders SET status = 'CLOSED' WHERE order_no = 'R1'",
                        List.of("NO_ORDER_CLOSED_AND_PAID")),
                Arguments.of("learning", "DELETE FROM my_course", List.of("COURSE_ENROLLED_ONCE")),
                Arguments.of("order", "UPDATE stock_reservation SET status = 'RESERVED' WHERE order_id = 3",
                        List.of("GOODS_STOCK_DEDUCTED_ONCE")),
                Arguments.of("order", "UPDATE orders SET paid_amount_fen = 900 WHERE order_no = 'G1'",
                        List.of("PAYMENTS_EQUAL_PAID_ORDERS")),
                Arguments.of("order", "UPDATE orders SET refunded_amount_fen = 100, status = 'PARTIALLY_REFUNDED' "
                        + "WHERE order_no = 'G1'", List.of("PAYMENTS_EQUAL_PAID_ORDERS", "REFUNDS_WITHIN_PAID")));
    }

    @ParameterizedTest
    @MethodSource("brokenOnPurpose")
    void failsWithExitOneNamingTheInvariantThatABrokenDatabaseBreaks(String service, String breaking,
            List<String> broken) throws SQLException {
        sql(service, breaking.split("; "));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditMain.run(db, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(new InvariantsAudit(db).run().stream().filter(c -> !c.holds()).map(InvariantsAudit.Check::name))
                .containsExactlyInAnyOrderElementsOf(broken);
        String report = out.toString(StandardCharsets.UTF_8);
        broken.forEach(name -> assertThat(report).contains("FAIL " + name));
        assertThat(report).contains(broken.size() + " of 9 invariants FAILED.");
    }

    private static String order(long id, String orderNo, String bizType, String bizId, String status, long fen,
            String payNo) {
        return "INSERT INTO orders (id, order_no, user_id, biz_type, biz_id, status, amount_fen, paid_amount_fen, "
                + "currency, pay_no, expire_at, paid_at) VALUES (" + id + ", '" + orderNo + "', 1001, '" + bizType
                + "', '" + bizId + "', '" + status + "', " + fen + ", " + fen + ", 'CNY', '" + payNo
                + "', NOW(), NOW())";
    }

    private static String attempt(long id, String payNo, String orderNo, long fen) {
        return "INSERT INTO pay_attempt (id, pay_no, user_id, channel, mode, status, amount_fen, currency, expire_at, "
                + "paid_at) VALUES (" + id + ", '" + payNo + "', 1001, 'ALIPAY', 'QR', 'SUCCESS', " + fen
                + ", 'CNY', NOW(), NOW()); INSERT INTO pay_attempt_order (pay_no, order_no, amount_fen) VALUES ('"
                + payNo + "', '" + orderNo + "', " + fen + ")";
    }

    private static void sql(String service, String... statements) throws SQLException {
        try (Connection c = TestDatabases.connect(SCHEMAS.get(service)); Statement s = c.createStatement()) {
            for (String statement : statements) {
                for (String one : statement.split("; ")) {
                    s.execute(one);
                }
            }
        }
    }
}
