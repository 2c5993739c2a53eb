package io.tongbao.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

class CallerArgumentResolverTest {

    @Test
    void parsesTheUserIdAndTrimmedRoles() {
        Caller caller = CallerArgumentResolver.parse("1001", "ADMIN, USER");

        assertThat(caller.userId()).isEqualTo(1001L);
        assertThat(caller.roles()).containsExactlyInAnyOrder("ADMIN", "USER");
        assertThat(caller.isAdmin()).isTrue();
    }

    @Test
    void givesNoRolesWhenTheRolesHeaderIsMissing() {
        Caller caller = CallerArgumentResolver.parse("1001", null);

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.isAdmin()).isFalse();
    }

    @Test
    void dropsEmptyRoleEntries() {
        assertThat(CallerArgumentResolver.parse("1001", " , USER,, ").roles()).containsExactly("USER");
        assertThat(CallerArgumentResolver.parse("1001", "   ").roles()).isEmpty();
    }

    @Test
    void acceptsTheLargestLongUserId() {
        assertThat(CallerArgumentResolver.parse("9223372036854775807", "USER").userId()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "abc", "0", "-5", "+5", "007", "12 ", "1234567890123456789012345" })
    void rejectsAMissingOrMalformedUserIdAsUnauthenticated(String userId) {
        assertUnauthenticated(userId);
    }

    @Test
    void rejectsAUserIdAboveLongMaxValueAsUnauthenticated() {
        assertUnauthenticated("9223372036854775808");
    }

    private static void assertUnauthenticated(String userId) {
        assertThatThrownBy(() -> CallerArgumentResolver.parse(userId, "USER"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(e.code()).isEqualTo(ErrorCodes.UNAUTHENTICATED);
                });
    }
}
