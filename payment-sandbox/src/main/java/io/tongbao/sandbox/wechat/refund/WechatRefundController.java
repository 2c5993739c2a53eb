package io.tongbao.sandbox.wechat.refund;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.tongbao.sandbox.fault.Channel;
import io.tongbao.sandbox.fault.RefundFault;
import io.tongbao.sandbox.fault.RefundFaults;
import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.trade.RefundOrder;
import io.tongbao.sandbox.wechat.trade.RefundResult;
import io.tongbao.sandbox.wechat.trade.TransactionJson;
import io.tongbao.sandbox.wechat.trade.WechatRefunds;
import io.tongbao.sandbox.wechat.v3.JsonBody;
import io.tongbao.sandbox.wechat.v3.V3Api;
import io.tongbao.sandbox.wechat.v3.V3Authenticator;
import io.tongbao.sandbox.wechat.v3.V3Call;
import io.tongbao.sandbox.wechat.v3.V3Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Domestic refunds at WeChat Pay's own paths. A new refund is answered PROCESSING, as WeChat answers it; it succeeds
 * right after, so the refund query, a repeated request and the REFUND.SUCCESS notify all say SUCCESS.
 */
@V3Api
@RestController
class WechatRefundController {

    private static final String OUT_REFUND_NO = "[0-9A-Za-z_\\-|*@]{1,64}";

    private final V3Authenticator authenticator;
    private final V3Responses responses;
    private final WechatRefunds refunds;
    private final RefundFaults faults;

    WechatRefundController(V3Authenticator authenticator, V3Responses responses, WechatRefunds refunds,
                           RefundFaults faults) {
        this.authenticator = authenticator;
        this.responses = responses;
        this.refunds = refunds;
        this.faults = faults;
    }

    /** Takes one armed fault, if any applies to the trade: REFUSE refunds nothing, DELAY refunds and answers late. */
    @PostMapping("/v3/refund/domestic/refunds")
    ResponseEntity<byte[]> create(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        V3Call call = authenticator.authenticate(request, body);
        RefundOrder order = parse(call);
        Optional<RefundFault> fault = faults.take(Channel.WECHAT, refunds.outTradeNoOf(order));
        if (fault.filter(RefundFault::refuses).isPresent()) {
            // WeChat's answer when the merchant's balance cannot cover a refund; topping up and retrying works
            throw new WechatError(403, "NOT_ENOUGH", "余额不足");
        }
        RefundResult result;
        try {
            result = refunds.refund(order);
        } finally {
            // before the answer is signed, so that its Wechatpay-Timestamp is the time it actually goes out
            fault.ifPresent(RefundFault::holdAnswer);
        }
        String status = result.created() ? "PROCESSING" : "SUCCESS";
        return responses.ok(call.mchId(), TransactionJson.refund(result.trade(), result.refund(), status));
    }

    @GetMapping("/v3/refund/domestic/refunds/{outRefundNo}")
    ResponseEntity<byte[]> query(HttpServletRequest request, @PathVariable String outRefundNo) {
        V3Call call = authenticator.authenticate(request, null);
        RefundResult result = refunds.find(call.mchId(), outRefundNo);
        return responses.ok(call.mchId(), TransactionJson.refund(result.trade(), result.refund(), "SUCCESS"));
    }

    private static RefundOrder parse(V3Call call) {
        JsonBody json = call.json();
        String transactionId = json.text("/transaction_id").filter(id -> !id.isBlank()).orElse(null);
        String outTradeNo = json.text("/out_trade_no").filter(no -> !no.isBlank()).orElse(null);
        if (transactionId == null && outTradeNo == null) {
            throw WechatError.paramError("/out_trade_no", null, "transaction_id和out_trade_no必须二选一", "body");
        }
        String outRefundNo = json.requiredMatching("/out_refund_no", OUT_REFUND_NO,
                "应为不超过64位的数字、大小写字母或_-|*@");
        long refund = json.requiredPositive("/amount/refund");
        long total = json.requiredPositive("/amount/total");
        String currency = json.requiredText("/amount/currency", 16);
        if (!"CNY".equals(currency)) {
            throw WechatError.paramError("/amount/currency", currency, "只支持CNY", "body");
        }
        String reason = json.text("/reason").orElse(null);
        if (reason != null && reason.length() > 80) {
            throw WechatError.paramError("/reason", reason, "长度不能超过80", "body");
        }
        String notifyUrl = json.notifyUrl("/notify_url", false).orElse(null);
        return new RefundOrder(call.mchId(), outTradeNo, transactionId, outRefundNo, refund, total, reason, notifyUrl);
    }
}
