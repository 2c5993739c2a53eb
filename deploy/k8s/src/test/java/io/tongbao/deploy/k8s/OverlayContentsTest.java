package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each overlay holds: dev everything in one namespace, prod no sandbox and at least two of everything. */
class OverlayContentsTest {

    private static final List<String> MIDDLEWARE =
            List.of("mariadb", "redis", "rocketmq-namesrv", "rocketmq-broker", "nacos", "seata");

    @Test
    void devRunsEveryApplicationTheSandboxAndTheMiddlewareInOneNamespace() {
        Rendered dev = Rendered.overlay("dev");

        assertThat(dev.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Project.APPS.keySet());
        assertThat(dev.all(StatefulSet.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(MIDDLEWARE);
        assertThat(dev.objects).filteredOn(o -> !(o instanceof Namespace))
                .extracting(o -> o.getMetadata().getNamespace()).containsOnly("tongbao-dev");
        assertThat(dev.named(ConfigMap.class, "payment-service-config").orElseThrow().getData())
                .containsEntry("TONGBAO_ALIPAY_GATEWAY_URL", "http://payment-sandbox:8090/gateway.do")
                .containsEntry("TONGBAO_WECHAT_API_BASE_URL", "http://payment-sandbox:8090");
    }

    @Test
    void devRegistersPaymentServicesMerchantsInTheSandboxAndMountsEveryKeyFileItReads() {
        Rendered dev = Rendered.overlay("dev");
        Deployment sandbox = dev.named(Deployment.class, "payment-sandbox").orElseThrow();
        Map<String, String> sandboxEnv = dev.environment(OverlayRulesTest.appContainer(sandbox));
        Map<String, String> paymentEnv = dev.environment(
                OverlayRulesTest.appContainer(dev.named(Deployment.class, "payment-service").orElseThrow()));

        assertThat(sandboxEnv.get("SANDBOX_ALIPAY_APPS_0_APP_ID")).isEqualTo(paymentEnv.get("TONGBAO_ALIPAY_APP_ID"));
        assertThat(sandboxEnv.get("SANDBOX_WECHAT_MERCHANTS_0_MCH_ID")).isEqualTo(paymentEnv.get("TONGBAO_WECHAT_MCH_ID"))
                .isNotBlank();
        assertThat(sandboxEnv.get("SANDBOX_WECHAT_MERCHANTS_0_APP_ID")).isEqualTo(paymentEnv.get("TONGBAO_WECHAT_APP_ID"));
        assertThat(sandboxEnv.get("SANDBOX_WECHAT_MERCHANTS_0_MERCHANT_SERIAL_NO"))
                .isEqualTo(paymentEnv.get("TONGBAO_WECHAT_MERCHANT_SERIAL_NO"));

        // the key dir is read only: a file missing there would make the sandbox try to generate it, and fail
        var pod = sandbox.getSpec().getTemplate().getSpec();
        String keyDir = sandboxEnv.get("TONGBAO_SANDBOX_KEY_DIR");
        String volume = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getMountPath().equals(keyDir))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted on " + keyDir)).getName();
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(volume)).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getItems()).extracting(item -> item.getPath())
                        .containsExactlyInAnyOrder("alipay-platform-private-key.pk8.b64", "alipay-platform-public-key.x509.b64",
                                "wechat-platform-private-key.pk8.b64", "wechat-platform-public-key.x509.b64",
                                "wechat-platform-key-id"));
    }

    @Test
    void theNextWechatPayPublicKeyIsOptionalAndTheListHasNoGap() {
        for (String overlay : List.of("dev", "prod")) {
            Rendered rendered = Rendered.overlay(overlay);
            var container = OverlayRulesTest.appContainer(rendered.named(Deployment.class, "payment-service").orElseThrow());
            assertThat(container.getEnv()).filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .as("only the next WeChat Pay public key may be missing from its Secret, in overlays/" + overlay)
                    .allSatisfy(e -> assertThat(Boolean.TRUE.equals(e.getValueFrom().getSecretKeyRef().getOptional()))
                            .as(e.getName()).isEqualTo(e.getName().equals("TONGBAO_WECHAT_PUBLIC_KEYS_1_KEY")))
                    .extracting(e -> e.getName())
                    .contains("TONGBAO_WECHAT_PUBLIC_KEYS_0_KEY", "TONGBAO_WECHAT_PUBLIC_KEYS_1_KEY");
            // entry 0's id is always set (empty at worst), so that Spring binds entry 1 too
            assertThat(rendered.environment(container)).containsKeys("TONGBAO_WECHAT_PUBLIC_KEYS_0_ID",
                    "TONGBAO_WECHAT_PUBLIC_KEYS_1_ID");
        }
    }

    @Test
    void prodRunsAtLeastTwoOfEveryStatelessServiceAndNoSandbox() {
        Rendered prod = Rendered.overlay("prod");

        assertThat(prod.objects).extracting(o -> o.getMetadata().getName()).noneMatch(n -> n.contains("sandbox"));
        List<Deployment> services = prod.all(Deployment.class).stream()
                .filter(d -> "service".equals(Rendered.component(d))).toList();
        assertThat(services).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("gateway", "order-service", "payment-service", "coin-service", "learning-service");
        assertThat(services).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isGreaterThanOrEqualTo(2));
        assertThat(prod.all(HorizontalPodAutoscaler.class)).hasSize(services.size())
                .allSatisfy(h -> assertThat(h.getSpec().getMinReplicas()).as(h.getMetadata().getName()).isGreaterThanOrEqualTo(2));
        assertThat(prod.objects).filteredOn(o -> !(o instanceof Namespace))
                .extracting(o -> o.getMetadata().getNamespace()).containsOnly("tongbao");
    }

    @Test
    void theDatabaseInitCreatesEachServicesSchemaForTheUserItLogsInAs() {
        Rendered dev = Rendered.overlay("dev");
        String init = String.join("\n", dev.named(ConfigMap.class, "mariadb-init").orElseThrow().getData().values());

        for (Deployment deployment : dev.all(Deployment.class)) {
            String app = deployment.getMetadata().getName();
            var username = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("TONGBAO_DB_USERNAME")).findFirst();
            if (username.isEmpty()) {
                continue;
            }
            String schema = Project.placeholder(app, "tongbao", "schema").defaultValue();
            assertThat(username.get().getValue()).as(app + " logs in as the user named after its schema").isEqualTo(schema);
            assertThat(init).as("mariadb-init creates " + schema).contains(" " + schema);
        }
    }

    @Test
    void everyImageOfOurOwnIsSetByTheOverlay() {
        for (String overlay : List.of("dev", "prod")) {
            assertThat(Rendered.overlay(overlay).all(Deployment.class))
                    .flatExtracting(d -> d.getSpec().getTemplate().getSpec().getContainers())
                    .extracting(c -> c.getImage())
                    .filteredOn(image -> image.startsWith("tongbao/"))
                    .allMatch(image -> image.matches("tongbao/[a-z-]+:\\d+\\.\\d+\\.\\d+"), "a release tag");
        }
    }

    static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
