package io.tongbao.sandbox.wechat.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;

class V3SignaturesTest {

    private static final KeyPair MERCHANT = RsaKeys.generate();
    private static final KeyPair OTHER = RsaKeys.generate();

    @Test
    void requestMessageIsFiveLinesEachEndingInNewline() {
        byte[] message = V3Signatures.requestMessage("POST", "/v3/pay/transactions/native", "1554208460",
                "593BEC0C930BF1AFEB40B4A08C8FB242", "{\"a\":\"中\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(
                "POST\n/v3/pay/transactions/native\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{\"a\":\"中\"}\n");
    }

    @Test
    void responseMessageOfA204SignsAnEmptyBody() {
        assertThat(new String(V3Signatures.responseMessage("1", "n", new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("1\nn\n\n");
    }

    @Test
    void verifiesItsOwnSignatureAndRejectsTamperingOrAnotherKey() {
        byte[] message = V3Signatures.responseMessage("1700000000", "abc", "{}".getBytes(StandardCharsets.UTF_8));
        String signature = V3Signatures.sign(message, MERCHANT.getPrivate());

        assertThat(V3Signatures.verify(message, signature, MERCHANT.getPublic())).isTrue();
        assertThat(V3Signatures.verify(V3Signatures.responseMessage("1700000000", "abc",
                "{ }".getBytes(StandardCharsets.UTF_8)), signature, MERCHANT.getPublic())).isFalse();
        assertThat(V3Signatures.verify(message, signature, OTHER.getPublic())).isFalse();
        assertThat(V3Signatures.verify(message, "not base64!", MERCHANT.getPublic())).isFalse();
    }

    @Test
    void acceptsTheAuthorizationTheSdkWritesForAGetWithAQuery() {
        var config = new RSAPublicKeyConfig.Builder().merchantId("1900000001").privateKey(MERCHANT.getPrivate())
                .merchantSerialNumber("ABC123").publicKey(OTHER.getPublic()).publicKeyId("PUB_KEY_ID_01")
                .apiV3Key("0123456789abcdefghijABCDEFGHIJ01").build();
        String target = "/v3/bill/tradebill?bill_date=2024-01-01&bill_type=ALL";

        String header = config.createCredential().getAuthorization(
                URI.create("https://api.mch.weixin.qq.com" + target), "GET", "");

        AuthorizationHeader auth = AuthorizationHeader.parse(header).orElseThrow();
        assertThat(auth.mchId()).isEqualTo("1900000001");
        assertThat(auth.serialNo()).isEqualTo("ABC123");
        assertThat(V3Signatures.verify(V3Signatures.requestMessage("GET", target, auth.timestamp(), auth.nonce(),
                new byte[0]), auth.signature(), MERCHANT.getPublic())).isTrue();
    }
}
