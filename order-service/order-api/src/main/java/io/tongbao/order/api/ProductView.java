package io.tongbao.order.api;

/** A sellable SKU. {@code price} is yuan with two decimals; {@code stock} is what can still be reserved. */
public record ProductView(long skuId, String name, String price, String currency, int stock) {
}
