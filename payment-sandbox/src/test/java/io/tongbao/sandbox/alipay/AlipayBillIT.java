package io.tongbao.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;

import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import org.junit.jupiter.api.Test;

/** The daily trade bill: a download URL from the API, a zip of GBK CSV files behind it. */
class AlipayBillIT extends SandboxITSupport {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void billDownloadUrlServesAZipListingThePaidTrade() throws Exception {
        String outTradeNo = newOutTradeNo();
        precreate(outTradeNo, "66.60", null);
        post("/sandbox/alipay/trades/" + outTradeNo + "/pay?notify=false");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        AlipayDataDataserviceBillDownloadurlQueryResponse response = billUrl(today);

        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        Map<String, String> files = unzip(download(response.getBillDownloadUrl()));
        String detailName = files.keySet().stream().filter(n -> n.endsWith("_业务明细.csv")).findFirst().orElseThrow();
        assertThat(files.keySet()).anyMatch(n -> n.endsWith("_业务明细(汇总).csv"));
        String detail = files.get(detailName);
        assertThat(detail).startsWith("#支付宝业务明细查询").contains("支付宝交易号,商户订单号,业务类型");
        assertThat(detail.lines().filter(l -> l.contains(outTradeNo + "\t")))
                .singleElement().satisfies(line -> assertThat(line).contains(",交易,", ",66.60,66.60,"));
    }

    @Test
    void futureBillDoesNotExistYet() throws Exception {
        var response = billUrl(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString());

        assertThat(response.getSubCode()).isEqualTo("isp.bill_not_exist");
    }

    @Test
    void differencesMadeOnPurposeShowInTheBillButNotInTheQuery() throws Exception {
        String unanswered = newOutTradeNo();
        precreate(unanswered, "10.00", null);
        assertThat(postJson("/sandbox/alipay/bill-differences", "{\"kind\":\"UNANSWERED_PAYMENT\",\"outTradeNo\":\""
                + unanswered + "\"}").statusCode()).isEqualTo(200);
        post("/sandbox/alipay/trades/" + unanswered + "/pay?notify=false");
        var query = new AlipayTradeQueryRequest();
        query.setBizContent("{\"out_trade_no\":\"" + unanswered + "\"}");
        AlipayTradeQueryResponse answer = client().execute(query);
        assertThat(answer.getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");
        assertThat(get("/sandbox/alipay/trades/" + unanswered).body()).contains("TRADE_SUCCESS");

        String billed = newOutTradeNo();
        precreate(billed, "20.00", null);
        post("/sandbox/alipay/trades/" + billed + "/pay?notify=false");
        postJson("/sandbox/alipay/bill-differences", "{\"kind\":\"BILLED_AMOUNT\",\"outTradeNo\":\"" + billed
                + "\",\"amount\":\"19.99\"}");
        postJson("/sandbox/alipay/bill-differences", "{\"kind\":\"OUTSIDE_REFUND\",\"outTradeNo\":\"" + billed
                + "\",\"refundNo\":\"RX" + billed + "\",\"amount\":\"1.00\"}");

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String detail = unzip(download(billUrl(today).getBillDownloadUrl())).entrySet().stream()
                .filter(e -> e.getKey().endsWith("_业务明细.csv")).findFirst().orElseThrow().getValue();
        assertThat(detail.lines().filter(l -> l.contains(unanswered + "\t"))).singleElement()
                .satisfies(line -> assertThat(line).contains(",交易,", ",10.00,10.00,"));
        assertThat(detail.lines().filter(l -> l.contains(billed + "\t") && l.contains(",交易,"))).singleElement()
                .satisfies(line -> assertThat(line).contains(",19.99,19.99,"));
        assertThat(detail.lines().filter(l -> l.contains(billed + "\t") && l.contains(",退款,"))).singleElement()
                .satisfies(line -> assertThat(line).contains(",-1.00,", "RX" + billed + "\t"));
    }

    @Test
    void refusesADifferenceItCannotMake() throws Exception {
        HttpResponse<String> kind = postJson("/sandbox/alipay/bill-differences",
                "{\"kind\":\"NOPE\",\"outTradeNo\":\"x\"}");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("INVALID_DIFFERENCE");
        assertThat(postJson("/sandbox/alipay/bill-differences", "{\"kind\":\"BILLED_AMOUNT\",\"outTradeNo\":\"x\","
                + "\"amount\":\"-1\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("/sandbox/paypal/bill-differences", "{\"kind\":\"BILLED_AMOUNT\",\"outTradeNo\":\"x\"}")
                .statusCode()).isEqualTo(404);
    }

    private AlipayDataDataserviceBillDownloadurlQueryResponse billUrl(String day) throws Exception {
        var request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizContent("{\"bill_type\":\"trade\",\"bill_date\":\"" + day + "\"}");
        return client().execute(request);
    }

    private static byte[] download(String url) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Alipay's entry names are GBK, which ZipInputStream reads only when told. */
    private static Map<String, String> unzip(byte[] zip) throws Exception {
        var files = new HashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), GBK));
            }
        }
        return files;
    }
}
