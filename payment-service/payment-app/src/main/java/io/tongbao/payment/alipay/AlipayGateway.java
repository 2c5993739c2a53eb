package io.tongbao.payment.alipay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.money.Money;

/**
 * Alipay through the unmodified official SDK: it signs every request with the app key and verifies every response
 * with Alipay's key. Amounts leave as yuan strings with two decimals and come back as fen.
 */
@Component
public class AlipayGateway {

    private final AlipayProperties properties;
    private volatile AlipayClient client;

    public AlipayGateway(AlipayProperties properties) {
        this.properties = properties;
    }

    public record Trade(String payNo, long amountFen, String subject, long timeoutMinutes) {
    }

    /** QR (precreate): the code to render. */
    public String precreate(Trade trade) {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(trade.payNo());
        model.setTotalAmount(Money.toYuan(trade.amountFen()));
        model.setSubject(trade.subject());
        model.setTimeoutExpress(trade.timeoutMinutes() + "m");
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        AlipayTradePrecreateResponse response = execute(() -> client().execute(request));
        requireSuccess(response.isSuccess(), response.getSubCode(), "precreate");
        return response.getQrCode();
    }

    /** PAGE or WAP: the auto-submitting form the browser posts to Alipay. */
    public String pageForm(Trade trade, boolean wap) {
        if (wap) {
            AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
            model.setOutTradeNo(trade.payNo());
            model.setTotalAmount(Money.toYuan(trade.amountFen()));
            model.setSubject(trade.subject());
            model.setProductCode("QUICK_WAP_WAY");
            model.setTimeoutExpress(trade.timeoutMinutes() + "m");
            AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
            request.setBizModel(model);
            request.setNotifyUrl(properties.notifyUrl());
            request.setReturnUrl(properties.returnUrl());
            return execute(() -> client().pageExecute(request, "POST").getBody());
        }
        AlipayTradePagePayModel model = new AlipayTradePagePayModel();
        model.setOutTradeNo(trade.payNo());
        model.setTotalAmount(Money.toYuan(trade.amountFen()));
        model.setSubject(trade.subject());
        model.setProductCode("FAST_INSTANT_TRADE_PAY");
        model.setTimeoutExpress(trade.timeoutMinutes() + "m");
        AlipayTradePagePayRequest request = new AlipayTradePagePayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        request.setReturnUrl(properties.returnUrl());
        return execute(() -> client().pageExecute(request, "POST").getBody());
    }

    public ProviderTrade query(String payNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(payNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse response = execute(() -> client().execute(request));
        if (!response.isSuccess()) {
            if ("ACQ.TRADE_NOT_EXIST".equals(response.getSubCode())) {
                return new ProviderTrade(ProviderTrade.Status.NOT_EXIST, 0, null, null);
            }
            requireSuccess(false, response.getSubCode(), "query");
        }
        Instant paidAt = response.getSendPayDate() == null ? null : response.getSendPayDate().toInstant();
        return new ProviderTrade(ProviderTrade.fromAlipay(response.getTradeStatus()),
                Money.fromYuan(new BigDecimal(response.getTotalAmount())), response.getTradeNo(), paidAt);
    }

    public enum CloseResult {
        CLOSED, NOT_EXIST, NOT_WAITING
    }

    /** Closes a trade awaiting payment. NOT_WAITING means it is no longer waiting (paid, most likely): query it. */
    public CloseResult close(String payNo) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(payNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        AlipayTradeCloseResponse response = execute(() -> client().execute(request));
        if (response.isSuccess()) {
            return CloseResult.CLOSED;
        }
        return switch (response.getSubCode() == null ? "" : response.getSubCode()) {
            case "ACQ.TRADE_NOT_EXIST" -> CloseResult.NOT_EXIST;
            case "ACQ.TRADE_STATUS_ERROR", "ACQ.REASON_TRADE_STATUS_INVALID", "ACQ.REASON_ILLEGAL_STATUS" ->
                CloseResult.NOT_WAITING;
            default -> throw upstream("close", response.getSubCode());
        };
    }

    /** Verifies an async notify with Alipay's key: RSA2 over every parameter but sign and sign_type. */
    public boolean verifyNotify(Map<String, String> params) {
        try {
            return AlipaySignature.rsaCheckV1(params, properties.alipayPublicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }

    public String appId() {
        return properties.appId();
    }

    private AlipayClient client() throws AlipayApiException {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    if (!properties.configured()) {
                        throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                                "CHANNEL_NOT_CONFIGURED", "Alipay is not configured");
                    }
                    AlipayConfig config = new AlipayConfig();
                    config.setServerUrl(properties.gatewayUrl());
                    config.setAppId(properties.appId());
                    config.setPrivateKey(properties.privateKey());
                    config.setAlipayPublicKey(properties.alipayPublicKey());
                    config.setConnectTimeout(3_000);
                    config.setReadTimeout(10_000);
                    client = new DefaultAlipayClient(config);
                }
            }
        }
        return client;
    }

    private interface Call<T> {
        T run() throws AlipayApiException;
    }

    private static <T> T execute(Call<T> call) {
        try {
            return call.run();
        } catch (AlipayApiException e) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_UNAVAILABLE,
                    "Alipay did not answer: " + e.getErrCode());
        }
    }

    private static void requireSuccess(boolean success, String subCode, String what) {
        if (!success) {
            throw upstream(what, subCode);
        }
    }

    private static ApiException upstream(String what, String subCode) {
        return new ApiException(org.springframework.http.HttpStatus.BAD_GATEWAY, "PROVIDER_REFUSED",
                "Alipay refused " + what + ": " + subCode);
    }
}
