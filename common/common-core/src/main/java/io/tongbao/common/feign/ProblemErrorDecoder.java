package io.tongbao.common.feign;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpStatus;

import feign.Response;
import feign.codec.ErrorDecoder;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.error.Problems;
import io.tongbao.common.error.RemoteProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns another service's RFC 9457 answer back into a typed {@link RemoteProblemException}, keeping its status
 * and code, so a 409 ORDER_CLOSED from order-service is a 409 ORDER_CLOSED at the caller too.
 */
public class ProblemErrorDecoder implements ErrorDecoder {

    private static final int MAX_BODY = 16 * 1024;
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Exception decode(String methodKey, Response response) {
        HttpStatus status = HttpStatus.resolve(response.status());
        if (status == null) {
            status = HttpStatus.BAD_GATEWAY;
        }
        String service = response.request() != null && response.request().requestTemplate() != null
                && response.request().requestTemplate().feignTarget() != null
                        ? response.request().requestTemplate().feignTarget().name() : methodKey;
        JsonNode body = readBody(response);
        String code = text(body, "code", defaultCode(status));
        String detail = text(body, "detail", ErrorCodes.SERVICE_UNAVAILABLE.equals(code)
                ? Problems.SERVICE_UNAVAILABLE_DETAIL : service + " answered " + response.status());
        return new RemoteProblemException(service, status, code, detail);
    }

    /**
     * The code of an answer that carries none. A bare 503 is what the load balancer answers when the service has
     * no instance (and what a proxy in front of a stopped one says): the service is unavailable, not broken.
     */
    private static String defaultCode(HttpStatus status) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return ErrorCodes.SERVICE_UNAVAILABLE;
        }
        return status.is5xxServerError() ? ErrorCodes.UPSTREAM_UNAVAILABLE : "HTTP_" + status.value();
    }

    private JsonNode readBody(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            return bytes.length == 0 ? null : json.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        if (node == null || !node.hasNonNull(field) || !node.get(field).isString()) {
            return fallback;
        }
        return node.get(field).asString();
    }
}
