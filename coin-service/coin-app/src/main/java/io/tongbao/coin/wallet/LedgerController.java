package io.tongbao.coin.wallet;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.coin.api.LedgerEntryView;
import io.tongbao.common.web.Page;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;

/** The caller's ledger, newest first (GET /api/coin/wallet/ledger?page=&size=). */
@RestController
class LedgerController {

    private static final int MAX_SIZE = 100;
    private final JdbcTemplate jdbc;

    LedgerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/coin/wallet/ledger")
    Page<LedgerEntryView> ledger(Caller caller, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "page must be >= 1 and size 1.." + MAX_SIZE);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Long.class, caller.userId());
        var items = jdbc.query("""
                SELECT id, type, coins, balance_after, biz_type, biz_id, created_at FROM coin_ledger
                WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new LedgerEntryView(rs.getLong(1), rs.getString(2),
                        "DEBIT".equals(rs.getString(2)) ? -rs.getLong(3) : rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant().atOffset(ZoneOffset.ofHours(8))),
                caller.userId(), size, (long) (page - 1) * size);
        return new Page<>(items, page, size, total);
    }

}
