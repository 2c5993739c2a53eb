package io.tongbao.sandbox.alipay.gateway;

import io.tongbao.sandbox.alipay.trade.TradeRejected;
import io.tongbao.sandbox.money.Yuan;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The business fields of a call. The Java SDK escapes "/" as "\/"; that is ordinary JSON, so a parser reads it. */
record BizContent(JsonNode json) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static BizContent parse(String bizContent) {
        if (bizContent == null || bizContent.isBlank()) {
            return new BizContent(MAPPER.createObjectNode());
        }
        try {
            JsonNode node = MAPPER.readTree(bizContent);
            if (!node.isObject()) {
                throw GatewayError.invalid("isv.invalid-parameter", "biz_content 不是 JSON 对象");
            }
            return new BizContent(node);
        } catch (JacksonException e) {
            throw GatewayError.invalid("isv.invalid-parameter", "biz_content 不是合法的 JSON");
        }
    }

    /** A scalar field as text; null when absent or blank. Numbers keep their written digits. */
    String text(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || node.isContainer()) {
            return null;
        }
        String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
        return text.isBlank() ? null : text.trim();
    }

    String required(String field) {
        String value = text(field);
        if (value == null) {
            throw new TradeRejected("ACQ.INVALID_PARAMETER", "缺少必选参数 " + field);
        }
        return value;
    }

    /** An amount in yuan, as a string or a number, converted to fen. */
    long amountFen(String field) {
        String value = required(field);
        try {
            return Yuan.toFen(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new TradeRejected("ACQ.INVALID_PARAMETER", "参数 " + field + " 不是合法金额: " + value);
        }
    }
}
