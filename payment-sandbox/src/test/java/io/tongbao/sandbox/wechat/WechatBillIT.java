package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.billdownload.DigestBillEntity;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.billdownload.model.TarType;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import org.junit.jupiter.api.Test;

/** The trade bill through the SDK's BillDownloadServiceExtension, which downloads it and checks its SHA-1. */
class WechatBillIT extends WechatITSupport {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Test
    void billListsThePaymentAndTheRefundInYuanWithAMatchingHash() throws Exception {
        String outTradeNo = paidAndPartlyRefunded();

        DigestBillEntity bill = bills().getTradeBill(billRequest(TODAY, null));

        String csv = new String(bill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bill.verifyHash()).isTrue();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号");
        assertThat(lines).filteredOn(line -> line.contains("`" + outTradeNo + ",")).satisfiesExactly(
                payment -> assertThat(payment).startsWith("`" + TODAY + " ")
                        .contains(",`" + APP_ID + ",`" + MCH_ID + ",", ",`NATIVE,`SUCCESS,`OTHERS,`CNY,`66.60,"),
                refund -> assertThat(refund).contains(",`REFUND,", ",`bill_rf_" + outTradeNo + ",`1.60,"));
        assertThat(lines.get(lines.size() - 2)).isEqualTo("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额");
        assertThat(lines.get(lines.size() - 1)).startsWith("`").contains(",`0.00000,");
        assertThat(lines.subList(1, lines.size() - 2)).allSatisfy(line -> assertThat(line).startsWith("`"));
    }

    @Test
    void gzippedBillIsHashedOverTheUncompressedFile() throws Exception {
        String outTradeNo = paidAndPartlyRefunded();

        DigestBillEntity bill = bills().getTradeBill(billRequest(TODAY, TarType.GZIP));

        String csv = new String(bill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bill.verifyHash()).isTrue();
        assertThat(csv).contains("`" + outTradeNo + ",");
    }

    @Test
    void aFutureDayHasNoStatement() {
        String future = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();

        assertThatThrownBy(() -> bills().getTradeBill(billRequest(future, null)))
                .asInstanceOf(type(ServiceException.class)).satisfies(e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("NO_STATEMENT_EXIST");
                });
    }

    @Test
    void hookServesTheDaysBillWithoutTheProtocol() throws Exception {
        String outTradeNo = paidAndPartlyRefunded();

        var response = get("/sandbox/wechat/bills/" + TODAY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("text/csv"));
        assertThat(response.body()).contains("`" + outTradeNo + ",");
    }

    private String paidAndPartlyRefunded() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 6660, null);
        post("/sandbox/wechat/trades/" + outTradeNo + "/pay?notify=false");
        var amount = new AmountReq();
        amount.setRefund(160L);
        amount.setTotal(6660L);
        amount.setCurrency("CNY");
        var refund = new CreateRequest();
        refund.setOutTradeNo(outTradeNo);
        refund.setOutRefundNo("bill_rf_" + outTradeNo);
        refund.setAmount(amount);
        new RefundService.Builder().httpClient(sdkHttp(config())).build().create(refund);
        return outTradeNo;
    }

    private BillDownloadServiceExtension bills() {
        return new BillDownloadServiceExtension.Builder().httpClient(sdkHttp(config()))
                .decryptor(config().createDecryptor()).build();
    }

    private static GetTradeBillRequest billRequest(String day, TarType tarType) {
        var request = new GetTradeBillRequest();
        request.setBillDate(day);
        request.setBillType(BillType.ALL);
        request.setTarType(tarType);
        return request;
    }
}
