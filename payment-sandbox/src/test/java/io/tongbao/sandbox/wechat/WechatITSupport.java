package io.tongbao.sandbox.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.tongbao.sandbox.crypto.RsaKeys;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the sandbox on a random port with one WeChat merchant configured, and drives it with the unmodified
 * official wechatpay-java SDK in public-key mode. The only change to the SDK's world is an OkHttp interceptor that
 * sends its https://api.mch.weixin.qq.com calls to the sandbox, as the payment-service does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WechatITSupport {

    static final String MCH_ID = "1900000001";
    static final String APP_ID = "wx8888888888888888";
    static final String SERIAL_NO = "3775B6A45ACD588826D15E583A95F5DD2C8C2D8C";
    static final String API_V3_KEY = "0123456789abcdefghijABCDEFGHIJ01";
    static final KeyPair MERCHANT_KEYS = RsaKeys.generate();
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** The WeChat Pay public key the configured merchant verifies the sandbox with, and its id. */
    String platformKeyId;
    String platformPublicKey;

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) throws IOException {
        Path keyDir = Files.createTempDirectory("sandbox-wechat-keys");
        registry.add("sandbox.key-dir", keyDir::toString);
        registry.add("sandbox.wechat.merchants[0].mch-id", () -> MCH_ID);
        registry.add("sandbox.wechat.merchants[0].app-id", () -> APP_ID);
        registry.add("sandbox.wechat.merchants[0].merchant-serial-no", () -> SERIAL_NO);
        registry.add("sandbox.wechat.merchants[0].merchant-public-key",
                () -> RsaKeys.encode(MERCHANT_KEYS.getPublic()));
        registry.add("sandbox.wechat.merchants[0].api-v3-key", () -> API_V3_KEY);
        registry.add("sandbox.wechat.notify.retry-intervals", () -> "300ms,300ms,300ms,300ms,300ms");
    }

    @BeforeEach
    void fetchPlatformKey() throws Exception {
        Map<String, Object> merchant = json(get("/sandbox/wechat/merchants/" + MCH_ID).body());
        platformKeyId = (String) merchant.get("publicKeyId");
        platformPublicKey = (String) merchant.get("wechatpayPublicKey");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    RSAPublicKeyConfig config() {
        return config(MCH_ID, SERIAL_NO, MERCHANT_KEYS.getPrivate(), platformKeyId, platformPublicKey);
    }

    static RSAPublicKeyConfig config(String mchId, String serialNo, PrivateKey merchantKey, String publicKeyId,
                                     String wechatpayPublicKey) {
        return new RSAPublicKeyConfig.Builder()
                .merchantId(mchId)
                .privateKey(merchantKey)
                .merchantSerialNumber(serialNo)
                .publicKey(RsaKeys.publicKey(wechatpayPublicKey))
                .publicKeyId(publicKeyId)
                .apiV3Key(API_V3_KEY)
                .build();
    }

    /** The SDK's own HTTP client, with every request rewritten to the sandbox's scheme, host and port. */
    HttpClient sdkHttp(RSAPublicKeyConfig config) {
        return sdkHttpBuilder(config).build();
    }

    /** The same, giving up on an answer after {@code readTimeout} (the SDK's own setting). */
    HttpClient sdkHttp(RSAPublicKeyConfig config, Duration readTimeout) {
        return sdkHttpBuilder(config).readTimeoutMs((int) readTimeout.toMillis()).build();
    }

    private DefaultHttpClientBuilder sdkHttpBuilder(RSAPublicKeyConfig config) {
        OkHttpClient ok = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .url(chain.request().url().newBuilder().scheme("http").host("127.0.0.1").port(port).build())
                .build())).build();
        return new DefaultHttpClientBuilder().config(config).okHttpClient(ok);
    }

    NativePayService nativePay() {
        return new NativePayService.Builder().httpClient(sdkHttp(config())).build();
    }

    static String newOutTradeNo() {
        return "wx_it_" + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    static PrepayRequest nativeRequest(String outTradeNo, int totalFen, String notifyUrl) {
        var amount = new Amount();
        amount.setTotal(totalFen);
        amount.setCurrency("CNY");
        var request = new PrepayRequest();
        request.setAppid(APP_ID);
        request.setMchid(MCH_ID);
        request.setDescription("同宝 a/b 课程");
        request.setOutTradeNo(outTradeNo);
        request.setNotifyUrl(notifyUrl == null ? "https://merchant.example/notify/wechat" : notifyUrl);
        request.setAmount(amount);
        return request;
    }

    String prepayNative(String outTradeNo, int totalFen, String notifyUrl) {
        return nativePay().prepay(nativeRequest(outTradeNo, totalFen, notifyUrl)).getCodeUrl();
    }

    Transaction query(String outTradeNo) {
        var request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(MCH_ID);
        request.setOutTradeNo(outTradeNo);
        return nativePay().queryOrderByOutTradeNo(request);
    }

    Map<String, Object> tradeView(String outTradeNo) throws Exception {
        return json(get("/sandbox/wechat/trades/" + outTradeNo).body());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return JSON.readValue(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).DELETE());
    }

    static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
