package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overlays keep {@link NetworkPolicyRules}; and the rules do fail when a policy is missing or too open. */
class NetworkPolicyRulesTest {

    /** The payment channels, as in their variables' names (TONGBAO_<channel>_NOTIFY_URL). */
    private static final List<String> CHANNELS = List.of("ALIPAY", "WECHAT");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyApplicationIsCoveredAndItsPortsAreOpenOnlyToItsCallers(String overlay) {
        assertThat(NetworkPolicyRules.breaches(Rendered.overlay(overlay)))
                .as("NetworkPolicies in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void notifiesReachPaymentServiceThroughTheGatewayOnly(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        Map<String, String> config = rendered.named(ConfigMap.class, "payment-service-config").orElseThrow().getData();
        for (String channel : CHANNELS) {
            String notifyUrl = config.get("TONGBAO_" + channel + "_NOTIFY_URL");
            assertThat(notifyUrl).as(channel + " notify URL in overlays/" + overlay).isNotBlank();
            URI uri = URI.create(notifyUrl);
            assertThat(uri.getPath()).as(channel).isEqualTo("/api/payment/notify/" + channel.toLowerCase(Locale.ROOT));
            // an in-cluster host must be the gateway's Service: payment-service's policy refuses the sandbox
            rendered.named(Service.class, uri.getHost()).ifPresent(service -> {
                assertThat(service.getMetadata().getName()).as(channel + ": the Service the notifies go to").isEqualTo("gateway");
                assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).contains(uri.getPort());
            });
        }
    }

    @Test
    void prodsNotifyUrlsArePublicHttps() {
        Map<String, String> config = Rendered.overlay("prod").named(ConfigMap.class, "payment-service-config").orElseThrow().getData();
        for (String channel : CHANNELS) {
            assertThat(URI.create(config.get("TONGBAO_" + channel + "_NOTIFY_URL")).getScheme()).as(channel).isEqualTo("https");
        }
    }

    @Test
    void devSendsTheSandboxsNotifiesToTheGatewayService() {
        assertThat(Rendered.overlay("dev").named(ConfigMap.class, "payment-service-config").orElseThrow().getData())
                .containsEntry("TONGBAO_ALIPAY_NOTIFY_URL", "http://gateway:8080/api/payment/notify/alipay")
                .containsEntry("TONGBAO_WECHAT_NOTIFY_URL", "http://gateway:8080/api/payment/notify/wechat");
    }

    @Test
    void aServiceWithoutAPolicyFails() {
        Rendered dev = Rendered.overlay("dev");
        List<HasMetadata> objects = new ArrayList<>(dev.objects);
        objects.removeIf(o -> o instanceof NetworkPolicy && o.getMetadata().getName().equals("order-service"));

        assertThat(NetworkPolicyRules.breaches(dev.with(objects)))
                .contains("order-service: no NetworkPolicy selects its pods, so any pod in the cluster can connect to it");
    }

    @Test
    void aManagementPortOpenToEveryoneFails() {
        List<String> breaches = breachesAfter("coin-service", policy -> policy.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 9090))
                .forEach(r -> r.setFrom(List.of())));

        assertThat(breaches).containsExactly(
                "coin-service port management (9090): open to more than the peers labelled tongbao.io/monitoring=true");
    }

    @Test
    void aRuleWithoutPortsFails() {
        List<String> breaches = breachesAfter("payment-service", policy -> {
            NetworkPolicyIngressRule everything = new NetworkPolicyIngressRule();
            everything.setFrom(List.of(new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelector()).build()));
            policy.getSpec().getIngress().add(everything);
        });

        assertThat(breaches).contains("payment-service: an ingress rule without ports opens every port, the management port too",
                "payment-service port management (9090): open to more than the peers labelled tongbao.io/monitoring=true",
                "payment-service port http (8082): open to more than the gateway and the services");
    }

    @Test
    void anApplicationPortOpenToOtherNamespacesOrLockedAgainstTheGatewayFails() {
        List<String> openToAll = breachesAfter("learning-service", policy -> policy.getSpec().getIngress().get(0)
                .setFrom(List.of(new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelector()).build())));
        List<String> gatewayLockedOut = breachesAfter("learning-service", policy -> policy.getSpec().getIngress().get(0)
                .setFrom(List.of(new NetworkPolicyPeerBuilder().withNewPodSelector()
                        .addToMatchLabels("app.kubernetes.io/name", "order-service").endPodSelector().build())));

        assertThat(openToAll).contains("learning-service port http (8084): open to more than the gateway and the services");
        assertThat(gatewayLockedOut).contains("learning-service port http (8084): gateway cannot connect")
                .doesNotContain("learning-service port http (8084): order-service cannot connect");
    }

    /** The rules' breaches in dev after changing a copy of one application's NetworkPolicy. */
    private static List<String> breachesAfter(String app, Consumer<NetworkPolicy> change) {
        Rendered dev = Rendered.overlay("dev");
        List<HasMetadata> objects = new ArrayList<>();
        for (HasMetadata o : dev.objects) {
            if (o instanceof NetworkPolicy policy && policy.getMetadata().getName().equals(app)) {
                NetworkPolicy copy = new NetworkPolicyBuilder(policy).build();
                copy.getSpec().setIngress(new ArrayList<>(copy.getSpec().getIngress()));
                change.accept(copy);
                objects.add(copy);
            } else {
                objects.add(o);
            }
        }
        List<String> breaches = NetworkPolicyRules.breaches(dev.with(objects));
        assertThat(NetworkPolicyRules.breaches(dev)).as("the rendered overlay, unchanged by the copy's change").isEmpty();
        return breaches;
    }
}
