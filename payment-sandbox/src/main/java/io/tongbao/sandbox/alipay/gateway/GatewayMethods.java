package io.tongbao.sandbox.alipay.gateway;

import java.util.Map;
import java.util.function.Function;

import io.tongbao.sandbox.alipay.trade.TradeRejected;
import org.springframework.stereotype.Component;

/** The API methods the sandbox implements, by name. */
@Component
class GatewayMethods {

    private final Map<String, Function<ApiCall, Map<String, Object>>> methods;

    GatewayMethods(TradeApi trade, RefundApi refund, BillApi bill) {
        this.methods = Map.of(
                "alipay.trade.precreate", trade::precreate,
                "alipay.trade.query", trade::query,
                "alipay.trade.close", trade::close,
                "alipay.trade.refund", refund::refund,
                "alipay.trade.fastpay.refund.query", refund::refundQuery,
                "alipay.data.dataservice.bill.downloadurl.query", bill::downloadUrl);
    }

    Map<String, Object> handle(ApiCall call) {
        var method = methods.get(call.method());
        if (method == null) {
            throw GatewayError.invalid("isv.invalid-method", "不存在的方法名: " + call.method());
        }
        try {
            return method.apply(call);
        } catch (TradeRejected e) {
            throw GatewayError.business(e.subCode(), e.subMsg());
        }
    }
}
