package io.tongbao.sandbox.alipay.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;

import com.alipay.api.internal.util.AlipaySignature;
import io.tongbao.sandbox.crypto.RsaKeys;
import org.junit.jupiter.api.Test;

class RsaSignerTest {

    private static final KeyPair KEYS = RsaKeys.generate();
    private static final String CONTENT = "{\"code\":\"10000\",\"msg\":\"Success\",\"subject\":\"a/b 中文\"}";

    @Test
    void rsa2SignatureVerifiesWithTheSdk() throws Exception {
        String sign = RsaSigner.sign(CONTENT, KEYS.getPrivate(), SignType.RSA2);

        assertThat(AlipaySignature.rsaCheck(CONTENT, sign, RsaKeys.encode(KEYS.getPublic()), "UTF-8", "RSA2"))
                .isTrue();
    }

    @Test
    void verifiesWhatTheSdkSigns() throws Exception {
        String sign = AlipaySignature.rsa256Sign(CONTENT, RsaKeys.encode(KEYS.getPrivate()), "UTF-8");

        assertThat(RsaSigner.verify(CONTENT, sign, KEYS.getPublic(), SignType.RSA2)).isTrue();
        assertThat(RsaSigner.verify(CONTENT + " ", sign, KEYS.getPublic(), SignType.RSA2)).isFalse();
        assertThat(RsaSigner.verify(CONTENT, sign, KEYS.getPublic(), SignType.RSA)).isFalse();
    }

    @Test
    void rejectsSignaturesFromAnotherKeyAndGarbage() {
        String sign = RsaSigner.sign(CONTENT, RsaKeys.generate().getPrivate(), SignType.RSA2);

        assertThat(RsaSigner.verify(CONTENT, sign, KEYS.getPublic(), SignType.RSA2)).isFalse();
        assertThat(RsaSigner.verify(CONTENT, "not base64 !!", KEYS.getPublic(), SignType.RSA2)).isFalse();
    }

    @Test
    void keysSurviveTheirBase64Form() {
        String sign = RsaSigner.sign(CONTENT, RsaKeys.privateKey(RsaKeys.encode(KEYS.getPrivate())), SignType.RSA2);

        assertThat(RsaSigner.verify(CONTENT, sign, RsaKeys.publicKey(RsaKeys.encode(KEYS.getPublic())),
                SignType.RSA2)).isTrue();
    }
}
