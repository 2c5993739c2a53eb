package io.tongbao.payment.attempt;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The Payment of API.md; only the fields that fit the mode are set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentView(String payNo, String orderNo, List<String> orderNos, String channel, String mode, String status,
        String amount, String currency, OffsetDateTime expireAt, String qrCode, String codeUrl, String payUrl,
        String h5Url, String form, Map<String, String> jsapi, @JsonFormat(shape = JsonFormat.Shape.NUMBER) Long coins) {
}
