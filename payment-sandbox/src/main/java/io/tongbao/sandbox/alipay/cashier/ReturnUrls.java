package io.tongbao.sandbox.alipay.cashier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.tongbao.sandbox.alipay.notify.NotifySigner;
import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeNotifications;
import io.tongbao.sandbox.money.Yuan;
import org.springframework.stereotype.Component;

/** Where the browser goes after the cashier: the merchant's return_url with signed parameters, else the cashier. */
@Component
public class ReturnUrls {

    private final NotifySigner signer;
    private final Clock clock;

    public ReturnUrls(NotifySigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    public String after(Trade trade, String cashierPath) {
        if (!trade.isPaid() || trade.returnUrl() == null) {
            return cashierPath;
        }
        var params = new LinkedHashMap<String, String>();
        params.put("charset", "utf-8");
        params.put("out_trade_no", trade.outTradeNo());
        // the sandbox does not remember whether page or wap created the trade; page is the common case
        params.put("method", "alipay.trade.page.pay.return");
        params.put("total_amount", Yuan.format(trade.totalFen()));
        params.put("trade_no", trade.tradeNo());
        params.put("auth_app_id", trade.appId());
        params.put("app_id", trade.appId());
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        params.put("seller_id", AlipayIds.sellerId(trade.appId()));
        params.put("timestamp", TradeNotifications.TIME.format(Instant.now(clock)));
        String separator = trade.returnUrl().contains("?") ? "&" : "?";
        return trade.returnUrl() + separator + query(signer.sign(params));
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
