package io.tongbao.common.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class InstantTypeHandlerTest {

    @Test
    void writesUtcTextWithTheFractionKept() {
        assertThat(InstantTypeHandler.UTC_TEXT.format(Instant.parse("2026-11-24T01:02:03.456789Z")))
                .isEqualTo("2026-11-24 01:02:03.456789");
        assertThat(InstantTypeHandler.UTC_TEXT.format(Instant.parse("2026-11-24T23:59:59Z")))
                .isEqualTo("2026-11-24 23:59:59.000000");
    }
}
