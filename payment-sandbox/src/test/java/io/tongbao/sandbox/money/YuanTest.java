package io.tongbao.sandbox.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YuanTest {

    @Test
    void parsesYuanWithUpToTwoDecimalsIntoFen() {
        assertThat(Yuan.toFen("0.01")).isEqualTo(1);
        assertThat(Yuan.toFen("1.5")).isEqualTo(150);
        assertThat(Yuan.toFen("12")).isEqualTo(1200);
        assertThat(Yuan.toFen("100000000.00")).isEqualTo(10_000_000_000L);
    }

    @Test
    void rejectsWhatIsNotAPlainAmount() {
        for (String bad : new String[] {"", "1.001", "-1.00", "1e2", "1,00", "abc", ".5"}) {
            assertThatThrownBy(() -> Yuan.toFen(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatsFenWithExactlyTwoDecimals() {
        assertThat(Yuan.format(1)).isEqualTo("0.01");
        assertThat(Yuan.format(1000)).isEqualTo("10.00");
        assertThat(Yuan.format(-250)).isEqualTo("-2.50");
    }
}
