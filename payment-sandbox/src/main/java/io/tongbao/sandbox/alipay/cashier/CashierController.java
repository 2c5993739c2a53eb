package io.tongbao.sandbox.alipay.cashier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeStatus;
import io.tongbao.sandbox.alipay.trade.TradeStore;
import io.tongbao.sandbox.config.PublicUrls;
import io.tongbao.sandbox.html.CashierPage;
import io.tongbao.sandbox.html.Html;
import io.tongbao.sandbox.money.Yuan;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a person sees after "scanning" the QR code or being redirected by page.pay: Pay or Cancel, and once
 * the trade is paid a link back to the merchant's return_url with the signed parameters.
 */
@Controller
class CashierController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=utf-8");

    private final TradeStore store;
    private final ReturnUrls returnUrls;
    private final PublicUrls urls;

    CashierController(TradeStore store, ReturnUrls returnUrls, PublicUrls urls) {
        this.store = store;
        this.returnUrls = returnUrls;
        this.urls = urls;
    }

    @GetMapping("/cashier/alipay/{outTradeNo}")
    ResponseEntity<String> cashier(@PathVariable String outTradeNo, HttpServletRequest request) {
        return store.find(outTradeNo)
                .map(trade -> ResponseEntity.ok().contentType(HTML).body(page(trade, urls.base(request))))
                .orElseGet(() -> ResponseEntity.status(404).contentType(HTML)
                        .body(Html.page(CashierPage.Brand.ALIPAY.title(), "<h1>交易不存在</h1>")));
    }

    private String page(Trade trade, String base) {
        String path = "/cashier/alipay/" + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8);
        String hook = "/sandbox/alipay/trades/" + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8);
        String back = trade.isPaid() && trade.returnUrl() != null ? returnUrls.after(trade, path) : null;
        return new CashierPage(CashierPage.Brand.ALIPAY, trade.subject(), Yuan.format(trade.totalFen()),
                trade.outTradeNo(), null, trade.status().name(), trade.status() == TradeStatus.WAIT_BUYER_PAY,
                hook + "/pay?view=html", hook + "/cancel?view=html", base + path, back).html();
    }
}
