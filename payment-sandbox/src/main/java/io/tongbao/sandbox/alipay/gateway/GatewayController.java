package io.tongbao.sandbox.alipay.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.tongbao.sandbox.alipay.sign.SignType;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeRejected;
import io.tongbao.sandbox.alipay.trade.Trades;
import io.tongbao.sandbox.config.PublicUrls;
import io.tongbao.sandbox.html.Html;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Alipay's {@code /gateway.do}. Server-to-server calls get a signed JSON body, always with HTTP 200 (both SDKs treat
 * anything else as a transport failure). Browser calls (page.pay / wap.pay forms or URLs from pageExecute) are
 * verified the same way and then redirected to the cashier page.
 */
@Controller
class GatewayController {

    private static final Set<String> BROWSER_METHODS = Set.of("alipay.trade.page.pay", "alipay.trade.wap.pay");
    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=utf-8");

    private final GatewayAuthenticator authenticator;
    private final GatewayMethods methods;
    private final GatewayResponses responses;
    private final TradeApi tradeApi;
    private final Trades trades;
    private final PublicUrls urls;

    GatewayController(GatewayAuthenticator authenticator, GatewayMethods methods, GatewayResponses responses,
                      TradeApi tradeApi, Trades trades, PublicUrls urls) {
        this.authenticator = authenticator;
        this.methods = methods;
        this.responses = responses;
        this.tradeApi = tradeApi;
        this.trades = trades;
        this.urls = urls;
    }

    @RequestMapping(value = "/gateway.do", method = {RequestMethod.POST, RequestMethod.GET})
    ResponseEntity<?> gateway(HttpServletRequest request) {
        Map<String, String> params = GatewayParams.of(request);
        String method = params.get("method");
        String baseUrl = urls.base(request);
        return BROWSER_METHODS.contains(method) ? browser(params, baseUrl) : api(params, method, baseUrl);
    }

    private ResponseEntity<byte[]> api(Map<String, String> params, String method, String baseUrl) {
        SignType signType = SignType.of(params.get("sign_type")).orElse(SignType.RSA2);
        byte[] body;
        try {
            ApiCall call = authenticator.authenticate(params, baseUrl);
            body = responses.success(method, call.signType(), methods.handle(call));
        } catch (GatewayError e) {
            body = responses.error(method, signType, e);
        }
        return ResponseEntity.ok().contentType(JSON_UTF8).body(body);
    }

    private ResponseEntity<String> browser(Map<String, String> params, String baseUrl) {
        try {
            ApiCall call = authenticator.authenticate(params, baseUrl);
            Trade trade = trades.create(tradeApi.newTrade(call));
            URI cashier = URI.create(TradeApi.cashierUrl(baseUrl, trade.outTradeNo()));
            return ResponseEntity.status(HttpStatus.FOUND).location(cashier).build();
        } catch (GatewayError e) {
            return errorPage(e.subCode(), e.subMsg());
        } catch (TradeRejected e) {
            return errorPage(e.subCode(), e.subMsg());
        }
    }

    private static ResponseEntity<String> errorPage(String subCode, String subMsg) {
        String html = Html.page("支付宝 - 错误", "<h1>抱歉，支付遇到问题</h1><p>错误代码 <code>"
                + Html.escape(subCode) + "</code></p><p>" + Html.escape(subMsg) + "</p>");
        return ResponseEntity.badRequest().contentType(MediaType.parseMediaType("text/html;charset=utf-8")).body(html);
    }
}
