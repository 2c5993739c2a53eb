package io.tongbao.coin.api;

/** A coin pack ("pod"): pay {@code price} yuan, get {@code coin} plus {@code giftCoin} coins. */
public record PodView(long podId, String name, int coin, int giftCoin, String price, String currency) {
}
