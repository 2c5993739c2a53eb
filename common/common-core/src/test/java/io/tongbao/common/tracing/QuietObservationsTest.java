package io.tongbao.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

import io.micrometer.observation.Observation;

class QuietObservationsTest {

    private final QuietObservations quiet = new QuietObservations(Set.of(Relay.class.getName()));

    static class Relay {
        public void relay() {
        }
    }

    static class Job {
        public void run() {
        }
    }

    @Test
    void actuatorRequestsAreNotTracedButApiRequestsAre() {
        assertThat(quiet.test("http.server.requests", request("/actuator/prometheus"))).isFalse();
        assertThat(quiet.test("http.server.requests", request("/actuator"))).isFalse();
        assertThat(quiet.test("http.server.requests", request("/api/order/orders"))).isTrue();
        assertThat(quiet.test("http.server.requests", request("/actuatorish"))).isTrue();
        assertThat(quiet.test("anything", new Observation.Context())).isTrue();
    }

    @Test
    void onlyTheNamedScheduledRoundsAreLeftOut() throws Exception {
        assertThat(quiet.test(QuietObservations.SCHEDULED, scheduled(new Relay(), "relay"))).isFalse();
        assertThat(quiet.test(QuietObservations.SCHEDULED, scheduled(new Job(), "run"))).isTrue();
    }

    private static ServerRequestObservationContext request(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        return new ServerRequestObservationContext(request, new MockHttpServletResponse());
    }

    private static ScheduledTaskObservationContext scheduled(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        return new ScheduledTaskObservationContext(target, m);
    }
}
