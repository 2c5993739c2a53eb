package io.tongbao.coin.wallet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.id.IdGenerator;

/**
 * The append-only coin ledger and the wallet balance it sums to, changed together in one transaction. Each
 * business record (bizType, bizId) has at most one entry, so a credit can never be applied twice.
 */
@Component
public class Ledger {

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;

    Ledger(JdbcTemplate jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Credits the coins once per business record; false when that record was already credited. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean credit(long userId, long coins, String bizType, String bizId) {
        if (coins <= 0) {
            throw new IllegalArgumentException("A credit must be positive");
        }
        jdbc.update("INSERT IGNORE INTO wallet (user_id, balance) VALUES (?, 0)", userId);
        long balance = jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ? FOR UPDATE", Long.class, userId);
        long after = Math.addExact(balance, coins);
        int entered = jdbc.update("""
                INSERT IGNORE INTO coin_ledger (id, user_id, type, coins, balance_after, biz_type, biz_id)
                VALUES (?, ?, 'CREDIT', ?, ?, ?, ?)""", ids.nextId(), userId, coins, after, bizType, bizId);
        if (entered == 0) {
            return false;
        }
        int updated = jdbc.update("UPDATE wallet SET balance = ?, version = version + 1 WHERE user_id = ? AND balance = ?",
                after, userId, balance);
        if (updated != 1) {
            throw new IllegalStateException("Wallet " + userId + " changed under its row lock");
        }
        return true;
    }
}
