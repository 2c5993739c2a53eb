package io.tongbao.sandbox.alipay.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tongbao.sandbox.alipay.sign.PlatformKeys;
import io.tongbao.sandbox.alipay.sign.SignType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code {"<method>_response":{…},"sign":"…"}} (PROVIDER-ALIPAY 2.2). The SDKs verify the exact characters of
 * the node, so the node is serialised once, signed as those characters, and spliced into the body unchanged:
 * method node first, sign last, "/" left unescaped, errors signed too.
 */
@Component
class GatewayResponses {

    // a private mapper, so that application-wide Jackson settings can never reorder or re-escape a signed node
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final PlatformKeys platformKeys;

    GatewayResponses(PlatformKeys platformKeys) {
        this.platformKeys = platformKeys;
    }

    byte[] success(String method, SignType signType, Map<String, Object> fields) {
        var node = new LinkedHashMap<String, Object>();
        node.put("code", "10000");
        node.put("msg", "Success");
        node.putAll(fields);
        return body(method, signType, node);
    }

    byte[] error(String method, SignType signType, GatewayError error) {
        var node = new LinkedHashMap<String, Object>();
        node.put("code", error.code());
        node.put("msg", error.msg());
        node.put("sub_code", error.subCode());
        node.put("sub_msg", error.subMsg());
        return body(method, signType, node);
    }

    private byte[] body(String method, SignType signType, Map<String, Object> node) {
        // error_response only when the method is unknown: Node's verifier looks for <method>_response only
        String name = method == null || !method.matches("[A-Za-z0-9._]+")
                ? "error_response" : method.replace('.', '_') + "_response";
        String nodeText = MAPPER.writeValueAsString(node);
        String sign = platformKeys.sign(nodeText, signType == null ? SignType.RSA2 : signType);
        String body = "{\"" + name + "\":" + nodeText + ",\"sign\":\"" + sign + "\"}";
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
