package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The `nacos` profile, which Kubernetes runs (SPRING_PROFILES_ACTIVE=nacos): no Nacos server can run here, so its
 * shape is checked instead, for the shared service defaults and for the gateway, which has its own copy.
 */
class NacosProfileTest {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"service-defaults", "gateway"})
    void discoveryAndConfigComeFromNacosWithTheApplicationsDataId(String source) throws Exception {
        JsonNode nacosProfile = profile(source, "nacos");

        assertThat(nacosProfile.at("/spring/config/import").asText())
                .isEqualTo("optional:nacos:${spring.application.name}.yaml");
        JsonNode nacos = nacosProfile.at("/spring/cloud/nacos");
        assertThat(nacos.path("server-addr").asText()).isEqualTo("${NACOS_SERVER_ADDR}");
        assertThat(nacos.path("username").asText()).isEqualTo("${NACOS_USERNAME:}");
        assertThat(nacos.path("password").asText()).isEqualTo("${NACOS_PASSWORD:}");
        for (String part : new String[] {"discovery", "config"}) {
            assertThat(nacos.at("/" + part + "/enabled").asBoolean()).as(part).isTrue();
            assertThat(nacos.at("/" + part + "/namespace").asText()).as(part).isEqualTo("${NACOS_NAMESPACE:}");
            assertThat(nacos.at("/" + part + "/group").asText()).as(part).isEqualTo("${NACOS_GROUP:DEFAULT_GROUP}");
        }
        assertThat(nacos.at("/config/file-extension").asText()).isEqualTo("yaml");
        assertThat(nacos.at("/discovery/ip").asText()).isEqualTo("${POD_IP:}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service-defaults", "gateway"})
    void withoutTheProfileNacosIsOff(String source) throws Exception {
        JsonNode defaults = documents(source)[0];

        assertThat(defaults.at("/spring/cloud/nacos/discovery/enabled").asBoolean(true)).isFalse();
        assertThat(defaults.at("/spring/cloud/nacos/config/enabled").asBoolean(true)).isFalse();
        assertThat(profile(source, "local").at("/spring/cloud/nacos").isMissingNode()).isTrue();
    }

    private static JsonNode profile(String source, String name) throws Exception {
        return Arrays.stream(documents(source))
                .filter(d -> d.at("/spring/config/activate/on-profile").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(source + " has no " + name + " profile"));
    }

    private static JsonNode[] documents(String source) throws Exception {
        String yml = source.equals("gateway") ? Project.applicationYml("gateway") : Project.serviceDefaultsYml();
        String[] parts = yml.split("(?m)^---\\s*$");
        JsonNode[] documents = new JsonNode[parts.length];
        for (int i = 0; i < parts.length; i++) {
            documents[i] = JSON.readTree(YAML.convertToJson(parts[i]));
        }
        return documents;
    }
}
