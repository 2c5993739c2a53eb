package io.tongbao.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LongAsStringModuleTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new LongAsStringModule()).build();

    record Sample(long a, Long b, BigInteger c, int d) {
    }

    record Balance(long userId, @JsonFormat(shape = JsonFormat.Shape.NUMBER) long coins) {
    }

    @Test
    void writesALongAsANumberWhenThePropertyAsksForIt() {
        String written = json.writeValueAsString(new Balance(9_007_199_254_740_993L, 360L));

        assertThat(written).isEqualTo("{\"userId\":\"9007199254740993\",\"coins\":360}");
    }

    @Test
    void writesLongsAndBigIntegersAsStringsAndLeavesIntsAsNumbers() {
        String written = json.writeValueAsString(new Sample(123L, 456L, BigInteger.valueOf(789), 42));

        assertThat(written).isEqualTo("{\"a\":\"123\",\"b\":\"456\",\"c\":\"789\",\"d\":42}");
    }

    @Test
    void keepsValuesAboveTwoToTheFiftyThirdExact() {
        JsonNode tree = json.readTree(json.writeValueAsString(
                new Sample(Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"), 1)));

        assertThat(tree.get("a").isString()).isTrue();
        assertThat(tree.get("a").asString()).isEqualTo("9223372036854775807");
        assertThat(tree.get("b").asString()).isEqualTo("-9223372036854775808");
        assertThat(tree.get("c").asString()).isEqualTo("123456789012345678901234567890");
        assertThat(tree.get("d").isInt()).isTrue();
    }

    @Test
    void writesANullLongAsJsonNull() {
        JsonNode tree = json.readTree(json.writeValueAsString(new Sample(1L, null, null, 1)));

        assertThat(tree.get("b").isNull()).isTrue();
        assertThat(tree.get("c").isNull()).isTrue();
    }
}
