package io.tongbao.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    // shaped like a Nacos token (an HS256 JWT); made up
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0b25nYmFvIiwiZXhwIjoxNzYwMDAwMDAwfQ"
            + ".c2lnbmF0dXJlLW1hZGUtdXAtZm9yLXRoZS10ZXN0";

    @Test
    void masksTheAccessTokenInTheHeadersNacosClientLogs() {
        String line = "Send request fail, request = ConfigBatchListenRequest{headers={accessToken=" + TOKEN
                + ", app=unknown}, requestId='null'}, retryTimes = 1, errorMessage = Connection refused";

        assertThat(SecretMasker.mask(line))
                .isEqualTo("Send request fail, request = ConfigBatchListenRequest{headers={accessToken=****,"
                        + " app=unknown}, requestId='null'}, retryTimes = 1, errorMessage = Connection refused");
    }

    @Test
    void masksBearerCredentialsWhateverTheirShape() {
        assertThat(SecretMasker.mask("calling with Bearer abc.def-ghi_123== now")).isEqualTo("calling with Bearer **** now");
        assertThat(SecretMasker.mask("Authorization: Bearer " + TOKEN)).isEqualTo("Authorization: ****");
        assertThat(SecretMasker.mask("header authorization=bearer opaque-token-1")).isEqualTo("header authorization=****");
    }

    @Test
    void masksAJwtWhereverItAppears() {
        assertThat(SecretMasker.mask("token in a path /x/" + TOKEN + "/y")).isEqualTo("token in a path /x/****/y");
    }

    @Test
    void masksSecretNamedValuesInJsonQueryStringsAndPropertyDumps() {
        assertThat(SecretMasker.mask("{\"accessToken\":\"opaque\",\"tokenTtl\":18000,\"username\":\"tongbao\"}"))
                .doesNotContain("opaque").contains("\"username\":\"tongbao\"");
        assertThat(SecretMasker.mask("GET /nacos/v1/cs/configs?dataId=a&accessToken=opaque&tenant=tongbao"))
                .isEqualTo("GET /nacos/v1/cs/configs?dataId=a&accessToken=****&tenant=tongbao");
        assertThat(SecretMasker.mask("NACOS_PASSWORD=hunter2 TONGBAO_WECHAT_API_V3_KEY=0123456789abcdef0123456789abcdef"))
                .isEqualTo("NACOS_PASSWORD=**** TONGBAO_WECHAT_API_V3_KEY=****");
        assertThat(SecretMasker.mask("WechatProperties[mchId=1900000001, apiV3Key=0123456789abcdef, privateKey=x]"))
                .isEqualTo("WechatProperties[mchId=1900000001, apiV3Key=****, privateKey=****]");
        assertThat(SecretMasker.mask("escaped {\\\"password\\\":\\\"hunter2\\\"}")).doesNotContain("hunter2");
    }

    @Test
    void masksPrivateKeysAsPemOrAsOneLineOfBase64() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + pkcs8.substring(0, 64) + "\n" + pkcs8.substring(64, 128)
                + "\n-----END PRIVATE KEY-----";

        assertThat(SecretMasker.mask("the key " + pkcs8 + " does not parse")).isEqualTo("the key **** does not parse");
        assertThat(SecretMasker.mask("pem: " + pem)).isEqualTo("pem: -----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----");
        assertThat(SecretMasker.mask("platform public key " + publicKey)).as("public keys are no secret").contains(publicKey);
    }

    @Test
    void leavesOrdinaryLinesAloneAndReturnsTheSameInstance() {
        String line = "Order 7123 paid: 30.00 CNY by ALIPAY, attempt 7124 (trace 0af7651916cd43dd8448eb211c80319c)";

        assertThat(SecretMasker.mask(line)).isSameAs(line);
        assertThat(SecretMasker.hasSecret("JWT secret is shorter than 32 bytes")).isFalse();
        assertThat(SecretMasker.hasSecret("accessToken=****")).as("already masked").isFalse();
    }
}
