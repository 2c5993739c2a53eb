package io.tongbao.payment.channel.wechat;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The official SDK's services, built once from the configuration. The SDK has no base-URL setting: with
 * {@code apiBaseUrl} set (the sandbox), an OkHttp interceptor moves every call, bill downloads included, to that
 * scheme, host and port. The signature covers only path and query, so it is unaffected.
 */
final class WechatSdk {

    final WechatConfig config;
    final NativePayService nativePay;
    final JsapiServiceExtension jsapi;
    final H5Service h5;
    final RefundService refunds;
    final BillDownloadServiceExtension bills;
    final NotificationParser notifications;

    WechatSdk(WechatProperties properties) {
        this.config = new WechatConfig(properties);
        HttpClient http = new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp(properties.apiBaseUrl()))
                .build();
        this.nativePay = new NativePayService.Builder().httpClient(http).build();
        this.jsapi = new JsapiServiceExtension.Builder().config(config).httpClient(http).build();
        this.h5 = new H5Service.Builder().httpClient(http).build();
        this.refunds = new RefundService.Builder().httpClient(http).build();
        this.bills = new BillDownloadServiceExtension.Builder().httpClient(http).decryptor(config.createDecryptor())
                .build();
        this.notifications = new NotificationParser(config);
    }

    /** The SDK for a complete configuration, or a start failure that names the setting (never its value). */
    static WechatSdk checked(WechatProperties properties) {
        try {
            return new WechatSdk(properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tongbao.wechat: a key does not parse (" + e.getMessage()
                    + "); expected the merchant private key as PKCS#8 and each WeChat Pay public key as X.509, "
                    + "base64 or PEM", e);
        }
    }

    private static OkHttpClient okHttp(String apiBaseUrl) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS).writeTimeout(10, TimeUnit.SECONDS);
        if (apiBaseUrl != null && !apiBaseUrl.isBlank()) {
            URI base = URI.create(apiBaseUrl);
            int port = base.getPort() > 0 ? base.getPort() : HttpUrl.defaultPort(base.getScheme());
            builder.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().url(chain.request().url()
                    .newBuilder().scheme(base.getScheme()).host(base.getHost()).port(port).build()).build()));
        }
        return builder.build();
    }
}
