package io.tongbao.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aWellFormedHeaderIsValidAndYieldsItsTraceId() {
        assertThat(TraceParent.isValid(VALID)).isTrue();
        assertThat(TraceParent.traceId(VALID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceParent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).as("unsampled").isTrue();
    }

    @Test
    void malformedOrAllZeroHeadersAreInvalid() {
        assertThat(TraceParent.isValid(null)).isFalse();
        assertThat(TraceParent.isValid("")).isFalse();
        assertThat(TraceParent.isValid(VALID.toUpperCase())).as("upper case hex").isFalse();
        assertThat(TraceParent.isValid(VALID + "-extra")).isFalse();
        assertThat(TraceParent.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(TraceParent.isValid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceParent.traceId("garbage")).isNull();
    }
}
