package io.tongbao.payment.channel.wechat;

import static io.tongbao.testing.wechat.WechatNotifyForger.transactionNotify;
import static io.tongbao.testing.wechat.WechatNotifyForger.paidTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.wechat.pay.java.core.notification.NotificationParser;

import io.tongbao.payment.channel.InboundNotify;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.testing.wechat.WechatNotifyForger;
import tools.jackson.databind.json.JsonMapper;

/** WeChat Pay notify verification with real keys and real AES-GCM, and the order of its checks; no Spring. */
class WechatNotifiesTest {

    private static final KeyPair PLATFORM = rsa();
    private static final KeyPair NEXT_PLATFORM = rsa();
    private static final KeyPair MERCHANT = rsa();
    private static final String MCH = "1900000001";
    private static final String APP = "wx0000000000000001";
    private static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private final WechatProperties properties = new WechatProperties(MCH, APP, "5157F09EFDC096DE15EBE81A47057A72",
            b64(MERCHANT.getPrivate().getEncoded()), API_V3_KEY,
            List.of(new WechatProperties.PublicKey("PUB_KEY_ID_OLD", b64(PLATFORM.getPublic().getEncoded())),
                    new WechatProperties.PublicKey("PUB_KEY_ID_NEW", b64(NEXT_PLATFORM.getPublic().getEncoded()))),
            null, "https://example.com/api/payment/notify/wechat", null);
    private final WechatConfig config = new WechatConfig(properties);
    private final WechatNotifies notifies = new WechatNotifies(properties, config.keys(), new NotificationParser(config),
            JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

    private NotifyVerdict verify(WechatNotifyForger.Notify notify) {
        Map<String, String> headers = new HashMap<>();
        notify.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return notifies.verify(new InboundNotify(Map.of(), headers, notify.body()));
    }

    private static WechatNotifyForger.Notify paid(String resource, KeyPair key, String serial, Instant at) {
        return transactionNotify(resource, API_V3_KEY, key.getPrivate(), serial, at.getEpochSecond());
    }

    @Test
    void turnsAGenuineNotifyIntoATradeUpdateSignedWithEitherConfiguredKey() {
        String resource = paidTransaction(MCH, APP, "p1", 1250);
        NotifyVerdict old = verify(paid(resource, PLATFORM, "PUB_KEY_ID_OLD", NOW.minusSeconds(30)));
        assertThat(old).isInstanceOf(NotifyVerdict.TradeUpdate.class);
        NotifyVerdict.TradeUpdate update = (NotifyVerdict.TradeUpdate) old;
        assertThat(update.payNo()).isEqualTo("p1");
        assertThat(update.trade().status()).isEqualTo(ProviderTrade.Status.PAID);
        assertThat(update.trade().totalFen()).isEqualTo(1250);
        assertThat(update.trade().paidAt()).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(verify(paid(resource, NEXT_PLATFORM, "PUB_KEY_ID_NEW", NOW))).isInstanceOf(NotifyVerdict.TradeUpdate.class);
    }

    @Test
    void refusesAnotherKeyAKeyUnderAnotherSerialAndAnUnknownSerial() {
        String resource = paidTransaction(MCH, APP, "p1", 1250);
        assertRefused(paid(resource, rsa(), "PUB_KEY_ID_OLD", NOW), "not verified");
        assertRefused(paid(resource, NEXT_PLATFORM, "PUB_KEY_ID_OLD", NOW), "not verified");
        assertRefused(paid(resource, PLATFORM, "PUB_KEY_ID_UNKNOWN", NOW), "unknown Wechatpay-Serial");
    }

    @Test
    void refusesATamperedCiphertextEvenWhenTheBodyIsSignedAgain() {
        WechatNotifyForger.Notify genuine = paid(paidTransaction(MCH, APP, "p1", 1250), PLATFORM, "PUB_KEY_ID_OLD", NOW);
        assertRefused(WechatNotifyForger.tamperedCiphertext(genuine, PLATFORM.getPrivate(), "PUB_KEY_ID_OLD",
                NOW.getEpochSecond()), "not verified or not decrypted");
        assertRefused(transactionNotify(paidTransaction(MCH, APP, "p1", 1250), "ffffffffffffffffffffffffffffffff",
                PLATFORM.getPrivate(), "PUB_KEY_ID_OLD", NOW.getEpochSecond()), "not verified or not decrypted");
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesOffEitherWay() {
        String resource = paidTransaction(MCH, APP, "p1", 1250);
        assertRefused(paid(resource, PLATFORM, "PUB_KEY_ID_OLD", NOW.minusSeconds(360)), "more than 5 minutes");
        assertRefused(paid(resource, PLATFORM, "PUB_KEY_ID_OLD", NOW.plusSeconds(360)), "more than 5 minutes");
        assertThat(verify(paid(resource, PLATFORM, "PUB_KEY_ID_OLD", NOW.minusSeconds(299))))
                .isInstanceOf(NotifyVerdict.TradeUpdate.class);
    }

    @Test
    void refusesAnotherMerchantAnotherAppAnotherCurrencyAndAnUnpaidState() {
        assertRefused(paid(paidTransaction("1900000002", APP, "p1", 1250), PLATFORM, "PUB_KEY_ID_OLD", NOW), "not ours");
        assertRefused(paid(paidTransaction(MCH, "wx9", "p1", 1250), PLATFORM, "PUB_KEY_ID_OLD", NOW), "not ours");
        assertRefused(paid(paidTransaction(MCH, APP, "p1", 1250).replace("\"currency\":\"CNY\"", "\"currency\":\"USD\""),
                PLATFORM, "PUB_KEY_ID_OLD", NOW), "not CNY");
        assertRefused(paid(paidTransaction(MCH, APP, "p1", 1250).replace("\"trade_state\":\"SUCCESS\"",
                "\"trade_state\":\"NOTPAY\""), PLATFORM, "PUB_KEY_ID_OLD", NOW), "trade_state");
    }

    @Test
    void refusesASignatureProbeWithoutTryingToVerifyIt() {
        WechatNotifyForger.Notify probe = paid(paidTransaction(MCH, APP, "p1", 1250), PLATFORM, "PUB_KEY_ID_OLD", NOW)
                .withHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/abc");
        assertRefused(probe, "signature probe");
    }

    private void assertRefused(WechatNotifyForger.Notify notify, String reason) {
        NotifyVerdict verdict = verify(notify);
        assertThat(verdict).isInstanceOf(NotifyVerdict.Refused.class);
        assertThat(((NotifyVerdict.Refused) verdict).reason()).contains(reason);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
