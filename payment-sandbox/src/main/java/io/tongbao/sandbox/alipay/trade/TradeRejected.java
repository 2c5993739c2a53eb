package io.tongbao.sandbox.alipay.trade;

/** A business refusal, carried to the client as {@code 40004 Business Failed} with an {@code ACQ.*} sub_code. */
public class TradeRejected extends RuntimeException {

    private final String subCode;

    public TradeRejected(String subCode, String subMsg) {
        super(subMsg);
        this.subCode = subCode;
    }

    public String subCode() {
        return subCode;
    }

    public String subMsg() {
        return getMessage();
    }

    static TradeRejected notExist() {
        return new TradeRejected("ACQ.TRADE_NOT_EXIST", "交易不存在");
    }

    static TradeRejected statusError(String why) {
        return new TradeRejected("ACQ.TRADE_STATUS_ERROR", why);
    }

    static TradeRejected invalidParameter(String why) {
        return new TradeRejected("ACQ.INVALID_PARAMETER", why);
    }
}
