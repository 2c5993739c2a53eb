package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The `nacos` profile, which Kubernetes runs (SPRING_PROFILES_ACTIVE=nacos): no Nacos server can run here, so its
 * shape is checked instead, for the shared service defaults and for the gateway, which has its own copy.
 */
class NacosProfileTest {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PARTS = List.of("discovery", "config");
    // ${VARIABLE:default}; without the colon there is no default (null)
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

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
        for (String part : PARTS) {
            assertThat(nacos.at("/" + part + "/enabled").asBoolean()).as(part).isTrue();
            assertThat(nacos.at("/" + part + "/namespace").asText()).as(part).isEqualTo("${NACOS_NAMESPACE:tongbao}");
            assertThat(nacos.at("/" + part + "/group").asText()).as(part).isEqualTo("${NACOS_GROUP:DEFAULT_GROUP}");
        }
        assertThat(nacos.at("/config/file-extension").asText()).isEqualTo("yaml");
        assertThat(nacos.at("/discovery/ip").asText()).isEqualTo("${POD_IP:}");
    }

    /**
     * nacos-client 3.x sends the public namespace as "public", which the config listener of a Nacos 2.5 server does
     * not translate: every instance then reads its data id again several times a second, forever. Without
     * NACOS_NAMESPACE the profile must still listen in a namespace of its own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"service-defaults", "gateway"})
    void listensInANamespaceOfItsOwnWhenNoneIsSet(String source) throws Exception {
        JsonNode nacos = profile(source, "nacos").at("/spring/cloud/nacos");

        for (String part : PARTS) {
            assertDedicated(namespace(nacos, part).resolve(Map.of()), source + ", " + part + ", nothing set");
            assertDedicated(namespace(nacos, part).resolve(Map.of("NACOS_NAMESPACE", "tongbao-staging")),
                    source + ", " + part + ", a namespace set");
        }
    }

    /** ... and with the environment each overlay gives the applications that run the profile. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void listensInANamespaceOfItsOwnAsDeployed(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        int checked = 0;
        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> env = rendered.environment(OverlayRulesTest.appContainer(deployment));
            if (!env.getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("nacos")) {
                continue;
            }
            String app = deployment.getMetadata().getName();
            JsonNode nacos = profile(app.equals("gateway") ? "gateway" : "service-defaults", "nacos")
                    .at("/spring/cloud/nacos");
            for (String part : PARTS) {
                assertDedicated(namespace(nacos, part).resolve(env), "overlays/" + overlay + ", " + app + ", " + part);
            }
            checked++;
        }
        assertThat(checked).as("applications on the nacos profile in overlays/" + overlay).isEqualTo(5);
    }

    private static Project.Placeholder namespace(JsonNode nacos, String part) {
        String value = nacos.at("/" + part + "/namespace").asText();
        Matcher placeholder = PLACEHOLDER.matcher(value);
        return placeholder.matches() ? new Project.Placeholder(placeholder.group(1), placeholder.group(2))
                : new Project.Placeholder(null, value);
    }

    private static void assertDedicated(String namespace, String where) {
        assertThat(namespace).as(where).isNotNull().isNotBlank().isNotEqualToIgnoringCase("public");
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
