package io.tongbao.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tongbao.payment.channel.BillEntry;
import io.tongbao.payment.reconciliation.Difference.Kind;
import io.tongbao.payment.reconciliation.Difference.Resolution;

class ComparisonTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant FROM = DAY.atStartOfDay(BEIJING).toInstant();
    private static final Instant UNTIL = DAY.plusDays(1).atStartOfDay(BEIJING).toInstant();

    private static Instant beijing(String time) {
        return LocalDateTime.parse(time).atZone(BEIJING).toInstant();
    }

    @Test
    void theProviderDayRunsFromMidnightToMidnightBeijingTime() {
        Books books = new Books(Map.of(
                "first", new Books.Payment("first", "SUCCESS", 100, beijing("2026-12-01T00:00:00")),
                "last", new Books.Payment("last", "SUCCESS", 100, beijing("2026-12-01T23:59:59.999")),
                "before", new Books.Payment("before", "SUCCESS", 100, beijing("2026-11-30T23:59:59.999")),
                "after", new Books.Payment("after", "SUCCESS", 100, beijing("2026-12-02T00:00:00"))),
                Map.of(), FROM, UNTIL);
        List<Difference> differences = Comparison.compare(List.of(), books);
        assertThat(differences).extracting(Difference::outTradeNo).containsExactlyInAnyOrder("first", "last");
        assertThat(differences).extracting(Difference::kind).containsOnly(Kind.MISSING_AT_PROVIDER);
    }

    @Test
    void aBalancedDayHasNoDifferences() {
        Instant at = beijing("2026-12-01T12:00:00");
        Books books = new Books(Map.of("p1", new Books.Payment("p1", "SUCCESS", 1250, at)),
                Map.of("r1", new Books.Refund("r1", "p1", "SUCCESS", 250, at)), FROM, UNTIL);
        List<BillEntry> bill = List.of(new BillEntry(BillEntry.Kind.PAYMENT, "p1", null, "T1", 1250, at),
                new BillEntry(BillEntry.Kind.REFUND, "p1", "r1", "T1", 250, at));
        assertThat(Comparison.compare(bill, books)).isEmpty();
    }

    @Test
    void reportsEachKindOfDifferenceWithBothSides() {
        Instant at = beijing("2026-12-01T12:00:00");
        Books books = new Books(Map.of(
                "amount", new Books.Payment("amount", "SUCCESS", 1000, at),
                "pending", new Books.Payment("pending", "PENDING", 500, null)),
                Map.of("processing", new Books.Refund("processing", "amount", "PROCESSING", 100, null)), FROM, UNTIL);
        List<BillEntry> bill = List.of(new BillEntry(BillEntry.Kind.PAYMENT, "amount", null, "T1", 999, at),
                new BillEntry(BillEntry.Kind.PAYMENT, "pending", null, "T2", 500, at),
                new BillEntry(BillEntry.Kind.PAYMENT, "stranger", null, "T3", 700, at),
                new BillEntry(BillEntry.Kind.REFUND, "amount", "processing", "T1", 100, at),
                new BillEntry(BillEntry.Kind.REFUND, "amount", "outside", "T1", 50, at));
        assertThat(Comparison.compare(bill, books)).containsExactlyInAnyOrder(
                new Difference(Kind.AMOUNT_MISMATCH, "amount", null, "SUCCESS 10.00", "PAID 9.99", Resolution.REPORTED),
                new Difference(Kind.MISSING_LOCALLY, "pending", null, "PENDING 5.00", "PAID 5.00", Resolution.REPORTED),
                new Difference(Kind.MISSING_LOCALLY, "stranger", null, null, "PAID 7.00", Resolution.REPORTED),
                new Difference(Kind.STATUS_MISMATCH, "amount", "processing", "PROCESSING 1.00", "REFUNDED 1.00",
                        Resolution.REPORTED),
                new Difference(Kind.MISSING_LOCALLY, "amount", "outside", null, "REFUNDED 0.50", Resolution.REPORTED));
    }
}
