package io.tongbao.coin.api;

/** A user's coin balance (coins are integers). */
public record WalletView(long userId, long balance) {
}
