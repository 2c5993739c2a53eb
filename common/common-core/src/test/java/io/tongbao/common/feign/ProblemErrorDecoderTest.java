package io.tongbao.common.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import feign.Request;
import feign.Response;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.error.RemoteProblemException;

class ProblemErrorDecoderTest {

    private static final String METHOD_KEY = "OrderClient#close(long)";

    private final ProblemErrorDecoder decoder = new ProblemErrorDecoder();

    @Test
    void rebuildsTheRemoteProblemWithItsStatusCodeAndDetail() {
        String body = """
                {"type":"https://tongbao.io/problems/order-closed","title":"Conflict","status":409,\
                "detail":"Order is closed","code":"ORDER_CLOSED"}""";

        RemoteProblemException problem = decode(response(409, "Conflict", "application/problem+json", body));

        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.code()).isEqualTo("ORDER_CLOSED");
        assertThat(problem.getMessage()).isEqualTo("Order is closed");
        assertThat(problem.service()).isEqualTo(METHOD_KEY);
    }

    @Test
    void reportsANonJsonServerErrorAsUpstreamUnavailable() {
        RemoteProblemException problem = decode(
                response(502, "Bad Gateway", "text/html", "<html><body>502 Bad Gateway</body></html>"));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(problem.code()).isEqualTo(ErrorCodes.UPSTREAM_UNAVAILABLE);
        assertThat(problem.getMessage()).contains("502");
    }

    @Test
    void reportsABare503AsServiceUnavailableWithoutNamingTheService() {
        // what the load balancer answers when the service has no instance
        RemoteProblemException problem = decode(response(503, "Service Unavailable", "text/plain",
                "Load balancer does not contain an instance for the service order-service"));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.code()).isEqualTo(ErrorCodes.SERVICE_UNAVAILABLE);
        assertThat(problem.getMessage()).doesNotContain("order-service");
    }

    @Test
    void keepsTheCodeOfA503ProblemFromTheOtherService() {
        RemoteProblemException problem = decode(response(503, "Service Unavailable", "application/problem+json",
                "{\"status\":503,\"detail\":\"Idempotency-Key cannot be checked\",\"code\":\"UPSTREAM_UNAVAILABLE\"}"));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.code()).isEqualTo(ErrorCodes.UPSTREAM_UNAVAILABLE);
        assertThat(problem.getMessage()).isEqualTo("Idempotency-Key cannot be checked");
    }

    @Test
    void namesTheStatusWhenAClientErrorHasAnEmptyBody() {
        RemoteProblemException problem = decode(response(404, "Not Found", "application/json", ""));

        assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.code()).isEqualTo("HTTP_404");
    }

    @Test
    void ignoresACodeThatIsNotAString() {
        RemoteProblemException problem = decode(response(409, "Conflict", "application/json", "{\"code\":17}"));

        assertThat(problem.code()).isEqualTo("HTTP_409");
    }

    @Test
    void mapsAnUnknownStatusToBadGateway() {
        RemoteProblemException problem = decode(response(599, "Weird", "text/plain", "?"));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(problem.code()).isEqualTo(ErrorCodes.UPSTREAM_UNAVAILABLE);
        assertThat(problem.getMessage()).contains("599");
    }

    private RemoteProblemException decode(Response response) {
        Exception decoded = decoder.decode(METHOD_KEY, response);
        assertThat(decoded).isInstanceOf(RemoteProblemException.class);
        return (RemoteProblemException) decoded;
    }

    private static Response response(int status, String reason, String contentType, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://order-service/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder()
                .status(status)
                .reason(reason)
                .headers(Map.of("Content-Type", List.of(contentType)))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .request(request)
                .build();
    }
}
