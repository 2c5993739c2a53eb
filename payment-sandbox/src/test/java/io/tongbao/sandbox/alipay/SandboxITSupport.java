package io.tongbao.sandbox.alipay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the sandbox on a random port with one merchant app pre-registered from configuration, and drives it with
 * the official Alipay Java SDK. Retries are compressed further so retry tests finish in seconds.
 */
// the SDK logs every business error at ERROR level; the tests assert them instead
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.sdk.biz.err=OFF")
abstract class SandboxITSupport {

    static final String APP_ID = "2021000000000001";
    static final KeyPair APP_KEYS = RsaKeys.generate();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    String platformPublicKey;

    @DynamicPropertySource
    static void sandboxProperties(DynamicPropertyRegistry registry) throws IOException {
        Path keyDir = Files.createTempDirectory("sandbox-keys");
        registry.add("sandbox.key-dir", keyDir::toString);
        registry.add("sandbox.alipay.apps[0].app-id", () -> APP_ID);
        registry.add("sandbox.alipay.apps[0].app-public-key", () -> RsaKeys.encode(APP_KEYS.getPublic()));
        registry.add("sandbox.notify.retry-intervals", () -> "300ms,300ms,300ms,300ms,300ms,300ms,300ms");
    }

    @BeforeEach
    void fetchPlatformKey() throws Exception {
        platformPublicKey = get("/sandbox/alipay/platform-public-key").body();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    AlipayClient client() throws AlipayApiException {
        return client(APP_ID, RsaKeys.encode(APP_KEYS.getPrivate()));
    }

    AlipayClient client(String appId, String privateKey) throws AlipayApiException {
        return new DefaultAlipayClient(config(appId, privateKey));
    }

    /** The configured app's client, giving up on an answer after {@code readTimeout}. */
    AlipayClient client(Duration readTimeout) throws AlipayApiException {
        AlipayConfig config = config(APP_ID, RsaKeys.encode(APP_KEYS.getPrivate()));
        config.setReadTimeout((int) readTimeout.toMillis());
        return new DefaultAlipayClient(config);
    }

    private AlipayConfig config(String appId, String privateKey) {
        var config = new AlipayConfig();
        config.setServerUrl(base() + "/gateway.do");
        config.setAppId(appId);
        config.setPrivateKey(privateKey);
        config.setAlipayPublicKey(platformPublicKey);
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        return config;
    }

    static String newOutTradeNo() {
        return "it_" + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    AlipayTradePrecreateResponse precreate(String outTradeNo, String amount, String notifyUrl) throws Exception {
        var request = new AlipayTradePrecreateRequest();
        request.setBizContent("{\"out_trade_no\":\"" + outTradeNo + "\",\"total_amount\":\"" + amount
                + "\",\"subject\":\"同宝 a/b 课程\"}");
        if (notifyUrl != null) {
            request.setNotifyUrl(notifyUrl);
        }
        return client().execute(request);
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

    private static HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
