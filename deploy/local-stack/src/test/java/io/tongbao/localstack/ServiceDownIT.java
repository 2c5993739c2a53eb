package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.JSON;
import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * While a service is down (killed with SIGKILL), the gateway and the services that call it answer 503
 * SERVICE_UNAVAILABLE problems with Retry-After, never a bare 500; after its restart everything answers again. Runs
 * after the flows (it stops parts of the stack) and before the invariants check.
 */
@ExtendWith(LocalStack.class)
@Order(Integer.MAX_VALUE - 1)
class ServiceDownIT {

    @Test
    void theGatewayAnswers503WithRetryAfterWhileAServiceIsDown() throws Exception {
        LocalStack.kill("learning-service");
        try {
            assertServiceUnavailable(send(HttpRequest.newBuilder(LocalStack.gateway("/api/learning/courses")).GET()));
        } finally {
            LocalStack.restart("learning-service", Map.of());
        }
        awaitValue(() -> send(HttpRequest.newBuilder(LocalStack.gateway("/api/learning/courses")).GET()).statusCode(), 200);
    }

    @Test
    void aServiceWhoseFeignCallFindsAnotherDownAnswers503() throws Exception {
        String token = devToken(1_300_000 + System.currentTimeMillis() % 100_000);
        LocalStack.kill("order-service");
        try {
            // coin-service is up; the order-service it calls to create the recharge's order is not
            assertServiceUnavailable(send(HttpRequest.newBuilder(LocalStack.gateway("/api/coin/recharges"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"podId\":\"30001\"}"))));
        } finally {
            LocalStack.restart("order-service", Map.of());
        }
        awaitValue(() -> send(HttpRequest.newBuilder(LocalStack.gateway("/api/order/products")).GET()).statusCode(), 200);
    }

    private static void assertServiceUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }
}
