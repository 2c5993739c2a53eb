package io.tongbao.coin.wallet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.error.ApiException;
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

    /** The wallet's balance, 0 without a wallet. */
    public long balanceOf(long userId) {
        var balances = jdbc.queryForList("SELECT balance FROM wallet WHERE user_id = ?", Long.class, userId);
        return balances.isEmpty() ? 0 : balances.get(0);
    }

    /** A DEBIT entry of what {@link #debit} took, or the one an earlier try of the same record already took. */
    public record Debit(long entryId, long coins, long balanceAfter) {
    }

    /**
     * Takes the coins once per business record, never below zero: 409 INSUFFICIENT_BALANCE, with nothing written,
     * when the balance does not cover them. A repeat of the same record answers the first debit. Plain statements
     * only (no INSERT IGNORE): in a Seata AT branch every statement gets an undo image.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Debit debit(long userId, long coins, String bizType, String bizId) {
        if (coins <= 0) {
            throw new IllegalArgumentException("A debit must be positive");
        }
        var earlier = jdbc.query("SELECT id, coins, balance_after FROM coin_ledger WHERE biz_type = ? AND biz_id = ?",
                (rs, i) -> new Debit(rs.getLong(1), -rs.getLong(2), rs.getLong(3)), bizType, bizId);
        if (!earlier.isEmpty()) {
            return earlier.get(0);
        }
        var balances = jdbc.queryForList("SELECT balance FROM wallet WHERE user_id = ? FOR UPDATE", Long.class, userId);
        long balance = balances.isEmpty() ? 0 : balances.get(0);
        if (balance < coins) {
            throw ApiException.conflict("INSUFFICIENT_BALANCE",
                    "The wallet holds " + balance + " coins; this needs " + coins);
        }
        long after = balance - coins;
        long id = ids.nextId();
        jdbc.update("""
                INSERT INTO coin_ledger (id, user_id, type, coins, balance_after, biz_type, biz_id)
                VALUES (?, ?, 'DEBIT', ?, ?, ?, ?)""", id, userId, -coins, after, bizType, bizId);
        if (jdbc.update("UPDATE wallet SET balance = ?, version = version + 1 WHERE user_id = ? AND balance = ?",
                after, userId, balance) != 1) {
            throw new IllegalStateException("Wallet " + userId + " changed under its row lock");
        }
        return new Debit(id, coins, after);
    }
}
