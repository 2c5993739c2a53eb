package io.tongbao.sandbox.wechat.trade;

/** The trade_state values the sandbox reaches, with WeChat's trade_state_desc for each. */
public enum TradeState {
    NOTPAY("订单未支付"),
    SUCCESS("支付成功"),
    CLOSED("订单已关闭"),
    REFUND("订单发生过退款");

    private final String description;

    TradeState(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isPaid() {
        return this == SUCCESS || this == REFUND;
    }
}
