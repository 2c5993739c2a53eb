package io.tongbao.common.nacos;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class NacosNamespaceCheckTest {

    private final NacosNamespaceCheck check = new NacosNamespaceCheck();

    @ParameterizedTest
    @ValueSource(strings = {"config", "discovery"})
    void refusesToStartWithNacosOnInThePublicNamespace(String part) {
        for (String namespace : new String[] {"", " ", "public", "PUBLIC"}) {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("spring.cloud.nacos." + part + ".enabled", "true")
                    .withProperty("spring.cloud.nacos." + part + ".namespace", namespace);

            assertThatThrownBy(() -> check.postProcessEnvironment(env, null)).as("namespace '%s'", namespace)
                    .hasMessageContaining("spring.cloud.nacos." + part + ".namespace").hasMessageContaining("NACOS_NAMESPACE");
        }
        MockEnvironment unset = new MockEnvironment().withProperty("spring.cloud.nacos." + part + ".enabled", "true");
        assertThatThrownBy(() -> check.postProcessEnvironment(unset, null)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "discovery"})
    void startsInANamespaceOfItsOwn(String part) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.cloud.nacos." + part + ".enabled", "true")
                .withProperty("spring.cloud.nacos." + part + ".namespace", "tongbao");

        assertThatCode(() -> check.postProcessEnvironment(env, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "discovery"})
    void hasNothingToSayWhileNacosIsOff(String part) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.cloud.nacos." + part + ".enabled", "false");

        assertThatCode(() -> check.postProcessEnvironment(env, null)).doesNotThrowAnyException();
        assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), null)).doesNotThrowAnyException();
    }
}
