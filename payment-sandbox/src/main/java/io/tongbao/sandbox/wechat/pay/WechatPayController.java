package io.tongbao.sandbox.wechat.pay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.tongbao.sandbox.config.PublicUrls;
import io.tongbao.sandbox.fault.BillDifferences;
import io.tongbao.sandbox.fault.Channel;
import io.tongbao.sandbox.wechat.trade.TradeState;
import io.tongbao.sandbox.wechat.trade.TradeType;
import io.tongbao.sandbox.wechat.trade.TransactionJson;
import io.tongbao.sandbox.wechat.trade.WechatTrade;
import io.tongbao.sandbox.wechat.trade.WechatTrades;
import io.tongbao.sandbox.wechat.v3.V3Api;
import io.tongbao.sandbox.wechat.v3.V3Authenticator;
import io.tongbao.sandbox.wechat.v3.V3Call;
import io.tongbao.sandbox.wechat.v3.V3Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Direct-merchant payments at WeChat Pay's own paths: native, JSAPI and H5 prepay, query, close. Bodies are taken as
 * raw bytes because the signature covers them exactly.
 */
@V3Api
@RestController
class WechatPayController {

    private final V3Authenticator authenticator;
    private final V3Responses responses;
    private final WechatTrades trades;
    private final PublicUrls urls;
    private final BillDifferences differences;

    WechatPayController(V3Authenticator authenticator, V3Responses responses, WechatTrades trades, PublicUrls urls,
                        BillDifferences differences) {
        this.authenticator = authenticator;
        this.responses = responses;
        this.trades = trades;
        this.urls = urls;
        this.differences = differences;
    }

    @PostMapping("/v3/pay/transactions/native")
    ResponseEntity<byte[]> nativePrepay(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return prepay(request, body, TradeType.NATIVE);
    }

    @PostMapping("/v3/pay/transactions/jsapi")
    ResponseEntity<byte[]> jsapiPrepay(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return prepay(request, body, TradeType.JSAPI);
    }

    @PostMapping("/v3/pay/transactions/h5")
    ResponseEntity<byte[]> h5Prepay(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return prepay(request, body, TradeType.MWEB);
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    ResponseEntity<byte[]> query(HttpServletRequest request, @PathVariable String outTradeNo,
                                 @RequestParam(required = false) String mchid) {
        V3Call call = authenticator.authenticate(request, null);
        call.requireMchid(mchid, "mchid", "query");
        return responses.ok(call.mchId(), TransactionJson.transaction(unanswered(trades.find(call.mchId(),
                outTradeNo))));
    }

    // a payment made unanswerable on purpose (reconciliation tests) is queried as still awaiting payment
    private WechatTrade unanswered(WechatTrade trade) {
        if (trade.paidAt() == null || !differences.hiddenFromQuery(Channel.WECHAT, trade.outTradeNo())) {
            return trade;
        }
        return new WechatTrade(trade.order(), trade.prepayId(), trade.transactionId(), TradeState.NOTPAY,
                trade.createdAt(), null, null, List.of());
    }

    @GetMapping("/v3/pay/transactions/id/{transactionId}")
    ResponseEntity<byte[]> queryById(HttpServletRequest request, @PathVariable String transactionId,
                                     @RequestParam(required = false) String mchid) {
        V3Call call = authenticator.authenticate(request, null);
        call.requireMchid(mchid, "mchid", "query");
        WechatTrade trade = trades.findByTransactionId(call.mchId(), transactionId);
        return responses.ok(call.mchId(), TransactionJson.transaction(trade));
    }

    /** 204 with no body, but signed like every 2xx. */
    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    ResponseEntity<byte[]> close(HttpServletRequest request, @PathVariable String outTradeNo,
                                 @RequestBody(required = false) byte[] body) {
        V3Call call = authenticator.authenticate(request, body);
        call.requireMchid(call.json().requiredText("/mchid", 32), "/mchid", "body");
        trades.close(call.mchId(), outTradeNo);
        return responses.noContent(call.mchId());
    }

    private ResponseEntity<byte[]> prepay(HttpServletRequest request, byte[] body, TradeType type) {
        V3Call call = authenticator.authenticate(request, body);
        WechatTrade trade = trades.prepay(PrepayRequests.parse(call, type));
        return responses.ok(call.mchId(), answer(trade, urls.base(request)));
    }

    // derived from the stored prepay_id, so the same order sent again gets the same answer
    private static Map<String, String> answer(WechatTrade trade, String baseUrl) {
        return switch (trade.order().tradeType()) {
            case NATIVE -> Map.of("code_url", "weixin://wxpay/bizpayurl?pr=" + trade.prepayId().substring(16));
            case JSAPI -> Map.of("prepay_id", trade.prepayId());
            // the browser must land somewhere that works: the sandbox cashier, shaped like WeChat's checkmweb URL
            case MWEB -> Map.of("h5_url", baseUrl + "/cashier/wechat/"
                    + URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8) + "?prepay_id=" + trade.prepayId());
        };
    }
}
