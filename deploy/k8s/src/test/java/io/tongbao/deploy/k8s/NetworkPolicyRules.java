package io.tongbao.deploy.k8s;

import static io.tongbao.deploy.k8s.OverlayRulesTest.appContainer;
import static io.tongbao.deploy.k8s.OverlayRulesTest.appDeployments;
import static io.tongbao.deploy.k8s.OverlayRulesTest.check;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may connect to the applications, as the NetworkPolicies of a rendered overlay say (docs/operations.md,
 * "Network policies"). The services trust the X-User-Id header the gateway sets, so:
 * <ul>
 * <li>every application Deployment is selected by an Ingress NetworkPolicy (a pod no policy selects takes
 * connections from every pod in the cluster);</li>
 * <li>every ingress rule names its ports (a rule without ports opens the management port too);</li>
 * <li>the management port is open, and only to peers labelled {@value #MONITORING_LABEL}=true (the namespace, or the
 * pod in this namespace);</li>
 * <li>the application port of a service other than the edge is open only to the Tongbao services of the same
 * namespace (peers whose selectors match no other rendered workload), and the gateway and the other services get
 * in.</li>
 * </ul>
 */
final class NetworkPolicyRules {

    static final String MONITORING_LABEL = "tongbao.io/monitoring";

    /** The applications whose application port takes connections from anywhere: the edge and the dev sandbox. */
    static final Set<String> OPEN_TO_ANY = Set.of("gateway", "payment-sandbox");

    private NetworkPolicyRules() {
    }

    /** Every breach of the rules in the overlay; empty when it keeps them all. */
    static List<String> breaches(Rendered rendered) {
        List<String> breaches = new ArrayList<>();
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        for (NetworkPolicy policy : policies) {
            check(breaches, rendered.workloads().values().stream().anyMatch(t -> selects(policy, t)),
                    "NetworkPolicy " + policy.getMetadata().getName() + " selects no pods");
        }
        List<Deployment> apps = appDeployments(rendered);
        for (Deployment deployment : apps) {
            String app = deployment.getMetadata().getName();
            List<NetworkPolicy> covering = policies.stream().filter(p -> isIngress(p) && selects(p, deployment.getSpec().getTemplate())).toList();
            if (covering.isEmpty()) {
                breaches.add(app + ": no NetworkPolicy selects its pods, so any pod in the cluster can connect to it");
                continue;
            }
            List<NetworkPolicyIngressRule> rules = covering.stream().flatMap(p -> p.getSpec().getIngress().stream()).toList();
            rules.stream().filter(r -> r.getPorts().isEmpty())
                    .forEach(r -> breaches.add(app + ": an ingress rule without ports opens every port, the management port too"));
            for (ContainerPort port : appContainer(deployment).getPorts()) {
                String where = app + " port " + port.getName() + " (" + port.getContainerPort() + ")";
                List<NetworkPolicyIngressRule> opening = rules.stream().filter(r -> opens(r, port)).toList();
                check(breaches, !opening.isEmpty(), where + ": no ingress rule lets anyone connect");
                if ("management".equals(port.getName())) {
                    opening.forEach(r -> check(breaches, !r.getFrom().isEmpty() && r.getFrom().stream().allMatch(NetworkPolicyRules::isMonitoring),
                            where + ": open to more than the peers labelled " + MONITORING_LABEL + "=true"));
                } else if (!OPEN_TO_ANY.contains(app)) {
                    opening.forEach(r -> check(breaches, !r.getFrom().isEmpty() && r.getFrom().stream().allMatch(peer -> onlyServices(rendered, peer)),
                            where + ": open to more than the gateway and the services"));
                    apps.stream().filter(caller -> "service".equals(Rendered.component(caller)) && caller != deployment).forEach(caller ->
                            check(breaches, opening.stream().anyMatch(r -> admitsFromThisNamespace(r, caller.getSpec().getTemplate())),
                                    where + ": " + caller.getMetadata().getName() + " cannot connect"));
                }
            }
        }
        return breaches;
    }

    private static boolean isIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private static boolean selects(NetworkPolicy policy, PodTemplateSpec template) {
        return matches(policy.getSpec().getPodSelector(), template.getMetadata().getLabels());
    }

    /** Whether the rule lets connections in on this container port (no ports: every port). */
    private static boolean opens(NetworkPolicyIngressRule rule, ContainerPort port) {
        if (rule.getPorts().isEmpty()) {
            return true;
        }
        String protocol = Objects.requireNonNullElse(port.getProtocol(), "TCP");
        for (NetworkPolicyPort p : rule.getPorts()) {
            if (!Objects.requireNonNullElse(p.getProtocol(), "TCP").equals(protocol)) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getStrVal() != null) {
                if (p.getPort().getStrVal().equals(port.getName())) {
                    return true;
                }
                continue;
            }
            int from = p.getPort().getIntVal();
            int to = p.getEndPort() != null ? p.getEndPort() : from;
            if (port.getContainerPort() >= from && port.getContainerPort() <= to) {
                return true;
            }
        }
        return false;
    }

    /** A peer that requires the monitoring label: on its namespace, or (in this namespace) on the pod. */
    private static boolean isMonitoring(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        LabelSelector decisive = peer.getNamespaceSelector() != null ? peer.getNamespaceSelector() : peer.getPodSelector();
        return decisive != null && "true".equals(labels(decisive).get(MONITORING_LABEL));
    }

    /** A peer in this namespace whose selector names some pods and matches only the services' rendered pods. */
    private static boolean onlyServices(Rendered rendered, NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null || peer.getNamespaceSelector() != null || peer.getPodSelector() == null) {
            return false;
        }
        LabelSelector selector = peer.getPodSelector();
        if (labels(selector).isEmpty() && expressions(selector).isEmpty()) {
            return false;
        }
        Set<String> services = Set.copyOf(appDeployments(rendered).stream()
                .filter(d -> "service".equals(Rendered.component(d))).map(d -> d.getMetadata().getName()).toList());
        return rendered.workloads().entrySet().stream().filter(w -> matches(selector, w.getValue().getMetadata().getLabels()))
                .allMatch(w -> services.contains(w.getKey()));
    }

    private static boolean admitsFromThisNamespace(NetworkPolicyIngressRule rule, PodTemplateSpec caller) {
        return rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peer.getIpBlock() == null
                && peer.getNamespaceSelector() == null && matches(peer.getPodSelector(), caller.getMetadata().getLabels()));
    }

    /** A label selector's meaning: matchLabels and matchExpressions both hold; an empty selector matches all. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> have = Objects.requireNonNullElse(labels, Map.of());
        if (!have.entrySet().containsAll(labels(selector).entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : expressions(selector)) {
            String value = have.get(requirement.getKey());
            List<String> values = Objects.requireNonNullElse(requirement.getValues(), List.of());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("label selector operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(LabelSelector selector) {
        return Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
    }

    private static List<LabelSelectorRequirement> expressions(LabelSelector selector) {
        return Objects.requireNonNullElse(selector.getMatchExpressions(), List.of());
    }
}
