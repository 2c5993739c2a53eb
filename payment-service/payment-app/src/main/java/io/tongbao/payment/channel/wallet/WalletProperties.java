package io.tongbao.payment.channel.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The coin wallet as a payment channel.
 *
 * @param enabled   offered at all (it is offered only where a Seata coordinator is configured, too)
 * @param fenPerCoin the price of one coin in fen: a payment costs its amount divided by this, rounded up (10: 1 coin
 *                   is ¥0.10)
 */
@ConfigurationProperties("tongbao.wallet")
public record WalletProperties(Boolean enabled, Long fenPerCoin) {

    public WalletProperties {
        enabled = enabled == null || enabled;
        fenPerCoin = fenPerCoin == null ? 10L : fenPerCoin;
        if (fenPerCoin <= 0) {
            throw new IllegalArgumentException("tongbao.wallet.fen-per-coin must be positive");
        }
    }

    /** The price in coins of {@code amountFen}, rounded up: never less than the amount is worth. */
    public long coins(long amountFen) {
        return Math.addExact(amountFen, fenPerCoin - 1) / fenPerCoin;
    }
}
