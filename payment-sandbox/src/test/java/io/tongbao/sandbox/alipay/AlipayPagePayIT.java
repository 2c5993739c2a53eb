package io.tongbao.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import org.junit.jupiter.api.Test;

/** Browser flows: the SDK's pageExecute form or URL goes to the gateway, which sends the browser to the cashier. */
class AlipayPagePayIT extends SandboxITSupport {

    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");

    @Test
    void pagePayFormRedirectsTheBrowserToTheCashier() throws Exception {
        String outTradeNo = newOutTradeNo();
        var request = new AlipayTradePagePayRequest();
        request.setReturnUrl("http://127.0.0.1:1/return");
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"total_amount\":\"9.90\","
                + "\"subject\":\"课程 & 书\",\"product_code\":\"FAST_INSTANT_TRADE_PAY\"}");

        String form = client().pageExecute(request).getBody();
        HttpResponse<String> response = submit(form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base() + "/cashier/alipay/" + outTradeNo);
        String cashier = get("/cashier/alipay/" + outTradeNo).body();
        assertThat(cashier).contains("9.90", "课程 &amp; 书", "/sandbox/alipay/trades/" + outTradeNo + "/pay");
    }

    @Test
    void wapPayUrlRedirectsToo() throws Exception {
        String outTradeNo = newOutTradeNo();
        var request = new AlipayTradeWapPayRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"total_amount\":\"1.00\","
                + "\"subject\":\"wap\",\"product_code\":\"QUICK_WAP_WAY\"}");

        String url = client().pageExecute(request, "GET").getBody();
        var response = BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base() + "/cashier/alipay/" + outTradeNo);
    }

    @Test
    void tamperedFormShowsAnErrorPage() throws Exception {
        var request = new AlipayTradePagePayRequest();
        request.setBizContent("{\"out_trade_no\":\"" + newOutTradeNo() + "\",\"total_amount\":\"9.90\","
                + "\"subject\":\"x\",\"product_code\":\"FAST_INSTANT_TRADE_PAY\"}");

        String form = client().pageExecute(request).getBody().replace("9.90", "0.01");
        HttpResponse<String> response = submit(form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
        assertThat(response.body()).contains("isv.invalid-signature");
    }

    @Test
    void payingAtTheCashierReturnsTheBrowserWithSignedParameters() throws Exception {
        String outTradeNo = newOutTradeNo();
        var request = new AlipayTradePagePayRequest();
        request.setReturnUrl("http://shop.test/return?from=alipay");
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"total_amount\":\"2.00\","
                + "\"subject\":\"r\",\"product_code\":\"FAST_INSTANT_TRADE_PAY\"}");
        submit(client().pageExecute(request).getBody());

        var pay = BROWSER.send(HttpRequest.newBuilder(URI.create(base() + "/sandbox/alipay/trades/" + outTradeNo
                + "/pay?view=html")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(pay.statusCode()).isEqualTo(303);
        String location = pay.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://shop.test/return?from=alipay&");
        Map<String, String> params = NotifyReceiver.parseForm(location.substring(location.indexOf('?') + 1));
        params.remove("from");
        assertThat(params).containsEntry("method", "alipay.trade.page.pay.return").containsEntry("total_amount", "2.00");
        assertThat(AlipaySignature.rsaCheckV1(params, platformPublicKey, "UTF-8", "RSA2")).isTrue();
    }

    /** Does what the browser does with the SDK's auto-submitting form. */
    private HttpResponse<String> submit(String form) throws Exception {
        var action = ACTION.matcher(form);
        assertThat(action.find()).as(form).isTrue();
        Map<String, String> inputs = new LinkedHashMap<>();
        var input = INPUT.matcher(form);
        while (input.find()) {
            inputs.put(input.group(1), unescape(input.group(2)));
        }
        String body = inputs.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var post = HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return BROWSER.send(post, HttpResponse.BodyHandlers.ofString());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
