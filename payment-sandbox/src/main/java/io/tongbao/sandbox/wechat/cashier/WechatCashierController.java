package io.tongbao.sandbox.wechat.cashier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tongbao.sandbox.html.Html;
import io.tongbao.sandbox.money.Yuan;
import io.tongbao.sandbox.wechat.trade.TradeState;
import io.tongbao.sandbox.wechat.trade.WechatTrade;
import io.tongbao.sandbox.wechat.trade.WechatTrades;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a person sees instead of the WeChat app: Pay or Cancel. The H5 h5_url points here; a redirect_url the
 * merchant appended to it is where the browser goes afterwards, as with WeChat's H5 flow.
 */
@Controller
class WechatCashierController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=utf-8");
    private static final String TITLE = "微信支付收银台";

    private final WechatTrades trades;

    WechatCashierController(WechatTrades trades) {
        this.trades = trades;
    }

    @GetMapping("/cashier/wechat/{outTradeNo}")
    ResponseEntity<String> cashier(@PathVariable String outTradeNo,
                                   @RequestParam(name = "redirect_url", required = false) String redirectUrl) {
        return trades.findAny(outTradeNo)
                .map(trade -> ResponseEntity.ok().contentType(HTML).body(page(trade, redirectUrl)))
                .orElseGet(() -> ResponseEntity.status(404).contentType(HTML)
                        .body(Html.page(TITLE, "<h1>订单不存在</h1>")));
    }

    private static String page(WechatTrade trade, String redirectUrl) {
        String hook = "/sandbox/wechat/trades/" + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8);
        String query = "?view=html" + (redirectUrl == null ? ""
                : "&amp;redirect_url=" + Html.escape(URLEncoder.encode(redirectUrl, StandardCharsets.UTF_8)));
        var body = new StringBuilder()
                .append("<h1>").append(TITLE).append(" (sandbox)</h1>")
                .append("<p>").append(Html.escape(trade.order().description())).append("</p>")
                .append("<p class=\"amount\">¥ ").append(Yuan.format(trade.order().totalFen())).append("</p>")
                .append("<p>商户订单号 <code>").append(Html.escape(trade.outTradeNo())).append("</code></p>")
                .append("<p>交易类型 ").append(trade.order().tradeType().name()).append("</p>")
                .append("<p>状态 <strong id=\"status\">").append(trade.state().name()).append("</strong></p>");
        if (trade.state() == TradeState.NOTPAY) {
            // plain forms: a person (or a browser test) pays without any script
            body.append("<form method=\"post\" action=\"").append(hook).append("/pay").append(query)
                    .append("\" style=\"display:inline\"><button type=\"submit\" id=\"pay\">Pay</button></form>")
                    .append("<form method=\"post\" action=\"").append(hook).append("/cancel").append(query)
                    .append("\" style=\"display:inline\"><button type=\"submit\" id=\"cancel\">Cancel</button></form>");
        }
        return Html.page(TITLE, body.toString());
    }
}
