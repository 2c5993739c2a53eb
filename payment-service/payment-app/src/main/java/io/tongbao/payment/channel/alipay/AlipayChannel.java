package io.tongbao.payment.channel.alipay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;

import io.tongbao.common.money.Money;
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

/**
 * ALIPAY through the unmodified official SDK: it signs every request with the app key and verifies every response
 * with Alipay's key. Amounts leave as yuan strings with two decimals and come back as fen. Modes: QR (precreate),
 * PAGE and WAP (the auto-submitting form the browser posts to Alipay).
 */
@Component
class AlipayChannel implements PaymentChannel {

    static final String NAME = "ALIPAY";
    private final AlipayProperties properties;
    private final AlipayNotifies notifies;
    private final AlipayBills bills;
    private volatile AlipayClient client;

    AlipayChannel(AlipayProperties properties) {
        this.properties = properties;
        this.notifies = new AlipayNotifies(properties);
        this.bills = new AlipayBills();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> modes() {
        return List.of("QR", "PAGE", "WAP");
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public Checkout create(TradeRequest trade) {
        String amount = Money.toYuan(trade.amountFen());
        String timeout = Math.max(1, Duration.between(Instant.now(), trade.expireAt()).toMinutes()) + "m";
        return switch (trade.mode()) {
            case "QR" -> {
                AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
                model.setOutTradeNo(trade.payNo());
                model.setTotalAmount(amount);
                model.setSubject(trade.subject());
                model.setTimeoutExpress(timeout);
                AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
                request.setBizModel(model);
                request.setNotifyUrl(properties.notifyUrl());
                AlipayTradePrecreateResponse response = AlipayCalls.require(call(c -> c.execute(request)), "precreate");
                yield Checkout.code(response.getQrCode());
            }
            case "WAP" -> {
                AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
                model.setOutTradeNo(trade.payNo());
                model.setTotalAmount(amount);
                model.setSubject(trade.subject());
                model.setProductCode("QUICK_WAP_WAY");
                model.setTimeoutExpress(timeout);
                AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
                request.setBizModel(model);
                request.setNotifyUrl(properties.notifyUrl());
                request.setReturnUrl(properties.returnUrl());
                yield Checkout.form(call(c -> c.pageExecute(request, "POST")).getBody());
            }
            default -> {
                AlipayTradePagePayModel model = new AlipayTradePagePayModel();
                model.setOutTradeNo(trade.payNo());
                model.setTotalAmount(amount);
                model.setSubject(trade.subject());
                model.setProductCode("FAST_INSTANT_TRADE_PAY");
                model.setTimeoutExpress(timeout);
                AlipayTradePagePayRequest request = new AlipayTradePagePayRequest();
                request.setBizModel(model);
                request.setNotifyUrl(properties.notifyUrl());
                request.setReturnUrl(properties.returnUrl());
                yield Checkout.form(call(c -> c.pageExecute(request, "POST")).getBody());
            }
        };
    }

    @Override
    public ProviderTrade query(String payNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(payNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse response = call(c -> c.execute(request));
        if (!response.isSuccess() && AlipayCalls.TRADE_NOT_EXIST.equals(response.getSubCode())) {
            return ProviderTrade.notExist();
        }
        AlipayCalls.require(response, "query");
        Instant paidAt = response.getSendPayDate() == null ? null : response.getSendPayDate().toInstant();
        return new ProviderTrade(AlipayNotifies.status(response.getTradeStatus()),
                Money.fromYuan(new BigDecimal(response.getTotalAmount())), response.getTradeNo(), paidAt);
    }

    @Override
    public CloseResult close(String payNo) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(payNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        AlipayTradeCloseResponse response = call(c -> c.execute(request));
        if (response.isSuccess()) {
            return CloseResult.CLOSED;
        }
        return switch (response.getSubCode() == null ? "" : response.getSubCode()) {
            case AlipayCalls.TRADE_NOT_EXIST -> CloseResult.NOT_EXIST;
            case "ACQ.TRADE_STATUS_ERROR", "ACQ.REASON_TRADE_STATUS_INVALID", "ACQ.REASON_ILLEGAL_STATUS" ->
                CloseResult.NOT_WAITING;
            default -> throw AlipayCalls.refused("close", response.getSubCode());
        };
    }

    @Override
    public ProviderRefund refund(RefundRequest refund) {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(refund.payNo());
        model.setOutRequestNo(refund.refundNo());
        model.setRefundAmount(Money.toYuan(refund.amountFen()));
        model.setRefundReason(refund.reason());
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse response = call(c -> c.execute(request));
        if (!response.isSuccess()) {
            if (response.getSubCode() != null && response.getSubCode().endsWith("SYSTEM_ERROR")) {
                // Alipay's own trouble: the refund may or may not exist; asked again later under the same number
                throw AlipayCalls.refused("refund", response.getSubCode());
            }
            // a business refusal (not enough left, trade not paid, …) is final for this try
            return new ProviderRefund(refund.refundNo(), ProviderRefund.Status.FAILED, refund.amountFen(), null, null);
        }
        Instant at = response.getGmtRefundPay() == null ? Instant.now() : response.getGmtRefundPay().toInstant();
        return new ProviderRefund(refund.refundNo(), ProviderRefund.Status.SUCCESS, refund.amountFen(),
                response.getTradeNo(), at);
    }

    @Override
    public ProviderRefund queryRefund(String payNo, String refundNo) {
        AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(payNo);
        model.setOutRequestNo(refundNo);
        model.setQueryOptions(List.of("gmt_refund_pay"));
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizModel(model);
        AlipayTradeFastpayRefundQueryResponse response = AlipayCalls.require(call(c -> c.execute(request)), "refund query");
        // success without refund_status means Alipay has no such refund (yet)
        if (!"REFUND_SUCCESS".equals(response.getRefundStatus())) {
            return new ProviderRefund(refundNo, ProviderRefund.Status.NOT_EXIST, 0, null, null);
        }
        Instant at = response.getGmtRefundPay() == null ? null : response.getGmtRefundPay().toInstant();
        return new ProviderRefund(refundNo, ProviderRefund.Status.SUCCESS,
                Money.fromYuan(new BigDecimal(response.getRefundAmount())), response.getTradeNo(), at);
    }

    @Override
    public NotifyVerdict verifyNotify(InboundNotify notify) {
        return notifies.verify(notify.params());
    }

    @Override
    public NotifyAck acknowledge(NotifyHandling handling) {
        return new NotifyAck(200, "text/plain", handling == NotifyHandling.ACCEPTED ? "success" : "fail");
    }

    @Override
    public BillFile downloadBill(LocalDate day) {
        AlipayDataDataserviceBillDownloadurlQueryModel model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType("trade");
        model.setBillDate(day.toString());
        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizModel(model);
        AlipayDataDataserviceBillDownloadurlQueryResponse response =
                AlipayCalls.require(call(c -> c.execute(request)), "bill download URL");
        return new BillFile(NAME, day, "alipay-" + day + ".csv.zip", bills.download(response.getBillDownloadUrl()));
    }

    @Override
    public List<BillEntry> bill(LocalDate day) {
        return AlipayBillReader.read(downloadBill(day).content());
    }

    private <T extends AlipayResponse> T call(AlipayCalls.Call<T> call) {
        return AlipayCalls.execute(() -> call.run(client()));
    }

    private AlipayClient client() throws AlipayApiException {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    if (!properties.configured()) {
                        throw AlipayCalls.notConfigured();
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
}
