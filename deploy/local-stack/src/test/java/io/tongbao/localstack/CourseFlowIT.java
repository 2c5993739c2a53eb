package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static io.tongbao.localstack.StackClient.submitAsABrowserWould;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/** Buying and choosing courses end to end through the gateway, paid through the sandbox. */
@ExtendWith(LocalStack.class)
class CourseFlowIT {

    private static final AtomicLong USERS = new AtomicLong(700_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final String PAID_COURSE = "20002";
    private static final String FREE_COURSE = "20001";

    private static JsonNode choose(String token, String courseId, int status) {
        return call("POST", "/api/learning/choose-courses", token, "{\"courseId\":\"" + courseId + "\"}", status);
    }

    private static int enrolments(String token, String courseId) {
        int count = 0;
        for (JsonNode course : call("GET", "/api/learning/my-courses", token, null, 200)) {
            count += course.get("courseId").asString().equals(courseId) ? 1 : 0;
        }
        return count;
    }

    @Test
    void aPaidCourseBoughtByWapIsInMyCoursesOnceEvenAfterDuplicateNotifies() {
        String token = devToken(USERS.incrementAndGet());
        JsonNode choice = choose(token, PAID_COURSE, 201);
        assertThat(choice.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        String orderNo = choice.get("orderNo").asString();
        JsonNode again = choose(token, PAID_COURSE, 201);
        assertThat(again.get("chooseId").asString()).isEqualTo(choice.get("chooseId").asString());
        assertThat(again.get("orderNo").asString()).as("one open order per user and course").isEqualTo(orderNo);
        JsonNode order = call("GET", "/api/order/orders/" + orderNo, token, null, 200);
        assertThat(order.get("bizType").asString()).isEqualTo("COURSE");
        assertThat(order.get("amount").asString()).isEqualTo("199.00");

        JsonNode wap = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"WAP\"}", 201);
        submitAsABrowserWould(wap.get("form").asString());
        String payNo = wap.get("payNo").asString();
        sandbox("/sandbox/alipay/trades/" + payNo + "/pay", "");
        awaitValue(() -> enrolments(token, PAID_COURSE), 1);
        sandbox("/sandbox/alipay/trades/" + payNo + "/notify?times=5", "");
        awaitValue(() -> call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString(), "PAID");
        assertThat(enrolments(token, PAID_COURSE)).isEqualTo(1);
        JsonNode mine = call("GET", "/api/learning/my-courses", token, null, 200).get(0);
        assertThat(mine.get("source").asString()).isEqualTo("PURCHASE");
        assertThat(mine.get("name").asString()).isEqualTo("Spring Cloud Alibaba in practice");
        assertThat(choose(token, PAID_COURSE, 409).get("code").asString()).isEqualTo("ALREADY_ENROLLED");
    }

    @Test
    void aFreeCourseIsEnrolledAtOnceWithoutAnOrder() {
        String token = devToken(USERS.incrementAndGet());
        JsonNode choice = choose(token, FREE_COURSE, 201);
        assertThat(choice.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(choice.get("orderNo").isNull()).isTrue();
        assertThat(enrolments(token, FREE_COURSE)).isEqualTo(1);
        assertThat(call("GET", "/api/learning/my-courses", token, null, 200).get(0).get("source").asString())
                .isEqualTo("FREE");
        assertThat(choose(token, FREE_COURSE, 409).get("code").asString()).isEqualTo("ALREADY_ENROLLED");
    }

    @Test
    void aChoiceWhoseOrderTimedOutIsClosedAndTheCourseCanBeChosenAgain() {
        String token = devToken(USERS.incrementAndGet());
        JsonNode first = choose(token, "20003", 201);
        String orderNo = first.get("orderNo").asString();
        awaitValue(() -> call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString(), "CLOSED");
        awaitValue(() -> {
            JsonNode next = call("POST", "/api/learning/choose-courses", token, "{\"courseId\":\"20003\"}", 201);
            return next.get("chooseId").asString().equals(first.get("chooseId").asString()) ? "same" : "new";
        }, "new");
        assertThat(enrolments(token, "20003")).isZero();
    }

    @Test
    void anUnknownCourseIsNotFound() {
        String token = devToken(USERS.incrementAndGet());
        assertThat(choose(token, "99999", 404).get("code").asString()).isEqualTo("COURSE_NOT_FOUND");
    }
}
