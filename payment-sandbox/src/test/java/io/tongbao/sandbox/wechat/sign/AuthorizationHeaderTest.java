package io.tongbao.sandbox.wechat.sign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void parsesThePairsByNameInAnyOrder() {
        var sdkOrder = AuthorizationHeader.parse("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"n1\","
                + "timestamp=\"1554208460\",serial_no=\"1DDE55AD\",signature=\"c2ln/+==\"");
        var docOrder = AuthorizationHeader.parse("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\", serial_no=\"1DDE55AD\", "
                + "nonce_str=\"n1\", timestamp=\"1554208460\", signature=\"c2ln/+==\"");

        var expected = new AuthorizationHeader("1900000001", "n1", "1554208460", "1DDE55AD", "c2ln/+==");
        assertThat(sdkOrder).contains(expected);
        assertThat(docOrder).contains(expected);
    }

    @Test
    void rejectsAnotherSchemaAMissingPairOrGarbage() {
        assertThat(AuthorizationHeader.parse(null)).isEmpty();
        assertThat(AuthorizationHeader.parse("Bearer abc")).isEmpty();
        assertThat(AuthorizationHeader.parse("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\","
                + "timestamp=\"1\",serial_no=\"s\"")).isEmpty();
        assertThat(AuthorizationHeader.parse("WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\" junk,"
                + "timestamp=\"1\",serial_no=\"s\",signature=\"x\"")).isEmpty();
    }
}
