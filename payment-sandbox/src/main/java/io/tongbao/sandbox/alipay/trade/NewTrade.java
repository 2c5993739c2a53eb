package io.tongbao.sandbox.alipay.trade;

/** What precreate, page.pay and wap.pay ask for. */
public record NewTrade(String appId, String outTradeNo, String subject, String body, long totalFen,
                       String notifyUrl, String returnUrl, String passbackParams) {
}
