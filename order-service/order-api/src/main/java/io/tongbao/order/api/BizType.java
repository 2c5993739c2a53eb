package io.tongbao.order.api;

/** What an order pays for; with the business id it identifies the business record (one order each). */
public enum BizType {
    GOODS, COURSE, COIN_RECHARGE
}
