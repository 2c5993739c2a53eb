package io.tongbao.sandbox.alipay.cashier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeStatus;
import io.tongbao.sandbox.alipay.trade.TradeStore;
import io.tongbao.sandbox.html.Html;
import io.tongbao.sandbox.money.Yuan;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page a person sees after "scanning" the QR code or being redirected by page.pay: Pay or Cancel. */
@Controller
class CashierController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=utf-8");

    private final TradeStore store;

    CashierController(TradeStore store) {
        this.store = store;
    }

    @GetMapping("/cashier/alipay/{outTradeNo}")
    ResponseEntity<String> cashier(@PathVariable String outTradeNo) {
        return store.find(outTradeNo)
                .map(trade -> ResponseEntity.ok().contentType(HTML).body(page(trade)))
                .orElseGet(() -> ResponseEntity.status(404).contentType(HTML)
                        .body(Html.page("支付宝收银台", "<h1>交易不存在</h1>")));
    }

    private static String page(Trade trade) {
        String hook = "/sandbox/alipay/trades/" + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8);
        var body = new StringBuilder()
                .append("<h1>支付宝收银台 (sandbox)</h1>")
                .append("<p>").append(Html.escape(trade.subject())).append("</p>")
                .append("<p class=\"amount\">¥ ").append(Yuan.format(trade.totalFen())).append("</p>")
                .append("<p>订单号 <code>").append(Html.escape(trade.outTradeNo())).append("</code></p>")
                .append("<p>状态 <strong id=\"status\">").append(trade.status().name()).append("</strong></p>");
        if (trade.status() == TradeStatus.WAIT_BUYER_PAY) {
            // plain forms: a person (or a browser test) pays without any script
            body.append("<form method=\"post\" action=\"").append(hook).append("/pay?view=html\" style=\"display:inline\">")
                    .append("<button type=\"submit\" id=\"pay\">Pay</button></form>")
                    .append("<form method=\"post\" action=\"").append(hook).append("/cancel?view=html\" style=\"display:inline\">")
                    .append("<button type=\"submit\" id=\"cancel\">Cancel</button></form>");
        }
        return Html.page("支付宝收银台", body.toString());
    }
}
