package io.tongbao.payment.channel.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.jsapi.model.PrepayWithRequestPaymentResponse;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.payment.channel.BillEntry;
import io.tongbao.payment.channel.BillFile;
import io.tongbao.payment.channel.Checkout;
import io.tongbao.payment.channel.CloseResult;
import io.tongbao.payment.channel.InboundNotify;
import io.tongbao.payment.channel.NotifyAck;
import io.tongbao.payment.channel.NotifyHandling;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.channel.RefundRequest;
import io.tongbao.payment.channel.TradeRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * WECHAT: WeChat Pay API v3 (direct merchant) through the official SDK, in public-key mode with a key ring. Modes:
 * NATIVE (code_url, shown as a QR), JSAPI (the parameters of wx.requestPayment, signed with the merchant key; needs
 * the payer's openId) and H5 (h5_url; the caller's IP goes in scene_info.payer_client_ip).
 */
@Component
class WechatChannel implements PaymentChannel {

    static final String NAME = "WECHAT";
    private final WechatProperties properties;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();
    private volatile WechatSdk sdk;
    private volatile WechatNotifies notifies;

    WechatChannel(WechatProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        if (properties.configured()) {
            // public-key mode makes no network call, so keys that do not parse stop the start here, loudly, instead
            // of failing every WeChat payment of a pod that looks ready
            this.sdk = WechatSdk.checked(properties);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> modes() {
        return List.of("NATIVE", "JSAPI", "H5");
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public void check(TradeRequest trade) {
        if ("JSAPI".equals(trade.mode()) && (trade.openId() == null || trade.openId().isBlank()
                || trade.openId().length() > 128)) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "JSAPI needs the payer's openId");
        }
        if ("H5".equals(trade.mode()) && (trade.clientIp() == null || trade.clientIp().isBlank())) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "H5 needs the caller's IP address");
        }
        if (trade.amountFen() > Integer.MAX_VALUE) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "The amount is above what WeChat Pay takes");
        }
    }

    @Override
    public Checkout create(TradeRequest trade) {
        WechatPrepay prepay = new WechatPrepay(properties, trade);
        return WechatCalls.call(() -> switch (trade.mode()) {
            case "NATIVE" -> Checkout.code(sdk().nativePay.prepay(prepay.nativePay()).getCodeUrl());
            case "H5" -> Checkout.link(sdk().h5.prepay(prepay.h5(properties.h5Type())).getH5Url());
            case "JSAPI" -> Checkout.jsapi(jsapi(sdk().jsapi.prepayWithRequestPayment(prepay.jsapi())));
            default -> throw new IllegalArgumentException("mode " + trade.mode());
        });
    }

    @Override
    public ProviderTrade query(String payNo) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setOutTradeNo(payNo);
        request.setMchid(properties.mchId());
        try {
            return WechatCalls.call(() -> WechatTrades.trade(sdk().nativePay.queryOrderByOutTradeNo(request)));
        } catch (WechatCalls.Refused e) {
            if (e.status() == 404) {
                return ProviderTrade.notExist();
            }
            throw e.problem("query");
        }
    }

    @Override
    public CloseResult close(String payNo) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setOutTradeNo(payNo);
        request.setMchid(properties.mchId());
        try {
            WechatCalls.call(() -> {
                sdk().nativePay.closeOrder(request);
                return null;
            });
            return CloseResult.CLOSED;
        } catch (WechatCalls.Refused e) {
            if (e.status() == 404) {
                return CloseResult.NOT_EXIST;
            }
            if (e.status() >= 400 && e.status() < 500 && !"SIGN_ERROR".equals(e.code())
                    && !"FREQUENCY_LIMITED".equals(e.code())) {
                // paid (ORDERPAID, ORDER_PAID, TRADE_ERROR, …): the caller queries the trade and applies the answer
                return CloseResult.NOT_WAITING;
            }
            throw e.problem("close");
        }
    }

    @Override
    public ProviderRefund refund(RefundRequest refund) {
        try {
            return WechatCalls.call(() -> WechatRefunds.of(refund.refundNo(),
                    sdk().refunds.create(WechatRefunds.request(refund, properties.notifyUrl()))));
        } catch (WechatCalls.Refused e) {
            if (e.status() >= 500 || "FREQUENCY_LIMITED".equals(e.code())) {
                throw e.problem("refund");
            }
            return new ProviderRefund(refund.refundNo(), ProviderRefund.Status.FAILED, refund.amountFen(), null, null);
        }
    }

    @Override
    public ProviderRefund queryRefund(String payNo, String refundNo) {
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(refundNo);
        try {
            return WechatCalls.call(() -> WechatRefunds.of(refundNo, sdk().refunds.queryByOutRefundNo(request)));
        } catch (WechatCalls.Refused e) {
            if (e.status() == 404) {
                return new ProviderRefund(refundNo, ProviderRefund.Status.NOT_EXIST, 0, null, null);
            }
            throw e.problem("refund query");
        }
    }

    @Override
    public NotifyVerdict verifyNotify(InboundNotify notify) {
        if (!configured()) {
            return new NotifyVerdict.Refused("WeChat Pay is not configured", null);
        }
        return notifies().verify(notify);
    }

    /** 204 when accepted; otherwise the FAIL body WeChat Pay expects, 4xx when refused and 5xx when not recorded. */
    @Override
    public NotifyAck acknowledge(NotifyHandling handling) {
        return switch (handling) {
            case ACCEPTED -> new NotifyAck(204, "application/json", null);
            case REFUSED -> new NotifyAck(400, "application/json", "{\"code\":\"FAIL\",\"message\":\"refused\"}");
            case FAILED -> new NotifyAck(500, "application/json", "{\"code\":\"FAIL\",\"message\":\"not recorded\"}");
        };
    }

    @Override
    public BillFile downloadBill(LocalDate day) {
        GetTradeBillRequest request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        request.setBillType(BillType.ALL);
        try {
            return WechatCalls.call(() -> {
                DigestBillEntity entity = sdk().bills.getTradeBill(request);
                byte[] content = readAll(entity.getInputStream());
                if (!entity.verifyHash()) {
                    throw new ApiException(HttpStatus.BAD_GATEWAY, "BILL_DIGEST_MISMATCH",
                            "The WeChat Pay bill of " + day + " does not match its SHA-1");
                }
                return new BillFile(NAME, day, "wechat-" + day + ".csv", content);
            });
        } catch (WechatCalls.Refused e) {
            throw e.problem("bill");
        }
    }

    @Override
    public List<BillEntry> bill(LocalDate day) {
        return WechatBillReader.read(downloadBill(day).content());
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_UNAVAILABLE, "bill download failed");
        }
    }

    private static Map<String, String> jsapi(PrepayWithRequestPaymentResponse r) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appId", r.getAppId());
        parameters.put("timeStamp", r.getTimeStamp());
        parameters.put("nonceStr", r.getNonceStr());
        parameters.put("package", r.getPackageVal());
        parameters.put("signType", r.getSignType());
        parameters.put("paySign", r.getPaySign());
        return parameters;
    }

    private WechatSdk sdk() {
        if (sdk == null) {
            synchronized (this) {
                if (sdk == null) {
                    if (!properties.configured()) {
                        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CHANNEL_NOT_CONFIGURED",
                                "WeChat Pay is not configured");
                    }
                    sdk = new WechatSdk(properties);
                }
            }
        }
        return sdk;
    }

    private WechatNotifies notifies() {
        if (notifies == null) {
            WechatSdk s = sdk();
            notifies = new WechatNotifies(properties, s.config.keys(), s.notifications, json, clock);
        }
        return notifies;
    }
}
