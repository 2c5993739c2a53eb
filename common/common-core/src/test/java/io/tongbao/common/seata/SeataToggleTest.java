package io.tongbao.common.seata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SeataToggleTest {

    private final SeataToggle toggle = new SeataToggle();

    @Test
    void disablesSeataWhenNoCoordinatorIsConfigured() {
        assertThat(seataEnabledAfterToggle(new MockEnvironment())).isEqualTo("false");
    }

    @Test
    void disablesSeataWhenTheGrouplistIsBlank() {
        assertThat(seataEnabledAfterToggle(new MockEnvironment().withProperty(SeataToggle.GROUPLIST, "  ")))
                .isEqualTo("false");
    }

    @Test
    void disablesSeataForTheFileRegistryWithoutAGrouplist() {
        assertThat(seataEnabledAfterToggle(new MockEnvironment().withProperty("seata.registry.type", "file")))
                .isEqualTo("false");
    }

    @Test
    void enablesSeataWhenAGrouplistIsConfigured() {
        assertThat(seataEnabledAfterToggle(
                new MockEnvironment().withProperty("seata.service.grouplist.default", "127.0.0.1:8091")))
                .isEqualTo("true");
    }

    @Test
    void enablesSeataWhenARegistryOtherThanFileIsConfigured() {
        assertThat(seataEnabledAfterToggle(new MockEnvironment().withProperty("seata.registry.type", "nacos")))
                .isEqualTo("true");
    }

    @Test
    void leavesAnExplicitSeataEnabledSettingAlone() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("seata.enabled", "false")
                .withProperty("seata.service.grouplist.default", "127.0.0.1:8091");

        assertThat(seataEnabledAfterToggle(env)).isEqualTo("false");
        assertThat(env.getPropertySources().contains("tongbao-seata-toggle")).isFalse();
    }

    private String seataEnabledAfterToggle(MockEnvironment env) {
        toggle.postProcessEnvironment(env, null);
        return env.getProperty("seata.enabled");
    }
}
