package io.tongbao.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({ "0, 0.00", "5, 0.05", "1250, 12.50", "100, 1.00", "-5, -0.05", "-1250, -12.50" })
    void formatsFenAsYuanWithExactlyTwoDecimals(long fen, String yuan) {
        assertThat(Money.toYuan(fen)).isEqualTo(yuan);
    }

    @ParameterizedTest
    @CsvSource({ "12.50, 1250", "0.01, 1", "0.00, 0", "1.00, 100", "9999999999999.99, 999999999999999" })
    void parsesYuanWithExactlyTwoDecimals(String yuan, long fen) {
        assertThat(Money.parseYuan(yuan)).isEqualTo(fen);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "12.5", "12.500", "12", "-1.00", "+1.00", " 1.00", "1.00 ", "1e2", "01.00", "1,00", ".50" })
    void rejectsYuanThatIsNotStrictlyTwoDecimals(String yuan) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parseYuan(yuan));
    }

    @Test
    void roundTripsBetweenFenAndYuan() {
        assertThat(Money.parseYuan(Money.toYuan(123_456_789L))).isEqualTo(123_456_789L);
    }

    @Test
    void convertsProviderAmountsWithUpToTwoDecimals() {
        assertThat(Money.fromYuan(new BigDecimal("12.5"))).isEqualTo(1250);
        assertThat(Money.fromYuan(new BigDecimal("12.50"))).isEqualTo(1250);
        assertThat(Money.fromYuan(new BigDecimal("12"))).isEqualTo(1200);
        assertThat(Money.fromYuan(new BigDecimal("0.01"))).isEqualTo(1);
    }

    @Test
    void rejectsProviderAmountsWithThreeDecimalsInsteadOfRounding() {
        assertThatThrownBy(() -> Money.fromYuan(new BigDecimal("12.345"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.fromYuan(new BigDecimal("0.001"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void acceptsThreeDecimalProviderAmountsWhenTheExtraDigitIsZero() {
        assertThat(Money.fromYuan(new BigDecimal("12.500"))).isEqualTo(1250);
    }
}
