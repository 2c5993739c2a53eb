package io.tongbao.sandbox.wechat.cashier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tongbao.sandbox.config.PublicUrls;
import io.tongbao.sandbox.html.CashierPage;
import io.tongbao.sandbox.html.Html;
import io.tongbao.sandbox.money.Yuan;
import io.tongbao.sandbox.wechat.trade.TradeState;
import io.tongbao.sandbox.wechat.trade.WechatTrade;
import io.tongbao.sandbox.wechat.trade.WechatTrades;
import jakarta.servlet.http.HttpServletRequest;
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

    private final WechatTrades trades;
    private final PublicUrls urls;

    WechatCashierController(WechatTrades trades, PublicUrls urls) {
        this.trades = trades;
        this.urls = urls;
    }

    @GetMapping("/cashier/wechat/{outTradeNo}")
    ResponseEntity<String> cashier(@PathVariable String outTradeNo,
                                   @RequestParam(name = "redirect_url", required = false) String redirectUrl,
                                   HttpServletRequest request) {
        return trades.findAny(outTradeNo)
                .map(trade -> ResponseEntity.ok().contentType(HTML).body(page(trade, redirectUrl, urls.base(request))))
                .orElseGet(() -> ResponseEntity.status(404).contentType(HTML)
                        .body(Html.page(CashierPage.Brand.WECHAT.title(), "<h1>订单不存在</h1>")));
    }

    private static String page(WechatTrade trade, String redirectUrl, String base) {
        String path = "/cashier/wechat/" + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8);
        String hook = "/sandbox/wechat/trades/" + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8);
        String query = "?view=html" + (redirectUrl == null ? ""
                : "&amp;redirect_url=" + Html.escape(URLEncoder.encode(redirectUrl, StandardCharsets.UTF_8)));
        // a link back only to a web address (never a script URL from the query string)
        String back = trade.state() == TradeState.SUCCESS && redirectUrl != null && redirectUrl.matches("(?i)https?://.*")
                ? redirectUrl : null;
        return new CashierPage(CashierPage.Brand.WECHAT, trade.order().description(),
                Yuan.format(trade.order().totalFen()), trade.outTradeNo(), trade.order().tradeType().name(),
                trade.state().name(), trade.state() == TradeState.NOTPAY, hook + "/pay" + query,
                hook + "/cancel" + query, base + path, back).html();
    }
}
