package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every rendered overlay keeps. Each rule collects every breach before it fails, so one run names them
 * all.
 */
class OverlayRulesTest {

    static final Set<String> APP_COMPONENTS = Set.of("service", "sandbox");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadHasProbesResourcesAndRunsNonRoot(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> breaches = new ArrayList<>();
        rendered.workloads().forEach((name, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            boolean app = APP_COMPONENTS.contains(template.getMetadata().getLabels().get("app.kubernetes.io/component"));
            for (Container c : containers(pod)) {
                String where = name + "/" + c.getName();
                SecurityContext security = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
                check(breaches, c.getLivenessProbe() != null, where + ": no livenessProbe");
                check(breaches, c.getReadinessProbe() != null, where + ": no readinessProbe");
                check(breaches, c.getStartupProbe() != null, where + ": no startupProbe");
                check(breaches, c.getResources() != null
                        && c.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                        && c.getResources().getLimits().keySet().containsAll(Set.of("cpu", "memory")),
                        where + ": resources need cpu and memory requests and limits");
                check(breaches, Boolean.TRUE.equals(first(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot())),
                        where + ": runAsNonRoot is not true");
                Long user = first(security.getRunAsUser(), podSecurity.getRunAsUser());
                check(breaches, user != null && user > 0, where + ": runAsUser is not a non-root uid");
                check(breaches, Boolean.FALSE.equals(security.getAllowPrivilegeEscalation()),
                        where + ": allowPrivilegeEscalation is not false");
                check(breaches, security.getCapabilities() != null
                        && security.getCapabilities().getDrop().contains("ALL"), where + ": capabilities do not drop ALL");
                if (app) {
                    check(breaches, Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()),
                            where + ": readOnlyRootFilesystem is not true");
                    check(breaches, c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")
                            && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null)),
                            where + ": no emptyDir on /tmp");
                }
            }
        });
        assertThat(breaches).as("workload rules in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageHasAnExplicitTagThatIsNotLatest(String overlay) {
        List<String> breaches = new ArrayList<>();
        Rendered.overlay(overlay).workloads().forEach((name, template) -> containers(template.getSpec()).forEach(c -> {
            String image = c.getImage();
            String lastPart = image.substring(image.lastIndexOf('/') + 1);
            boolean digest = image.contains("@sha256:");
            boolean tagged = lastPart.contains(":") && !lastPart.endsWith(":");
            check(breaches, digest || tagged && !lastPart.endsWith(":latest"), name + ": image " + image);
        }));
        assertThat(breaches).as("images without a fixed tag in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedNeverInlinedAndEachIsDocumented(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        assertThat(rendered.all(Secret.class)).as("Secret objects in overlays/" + overlay).isEmpty();

        Map<String, Set<String>> documented = new java.util.HashMap<>();
        for (HasMetadata object : StrictManifests.load(Project.read(Project.K8S.resolve("secrets.example.yaml")))) {
            Secret secret = (Secret) object;
            assertThat(secret.getData()).as(secret.getMetadata().getName() + " data").isEmpty();
            secret.getStringData().forEach((key, value) -> assertThat(value)
                    .as("secrets.example.yaml " + secret.getMetadata().getName() + "/" + key + " must be a placeholder")
                    .matches("<[^>]+>"));
            documented.put(secret.getMetadata().getName(), secret.getStringData().keySet());
        }
        List<String> undocumented = new ArrayList<>();
        rendered.workloads().forEach((name, template) -> {
            for (Container c : containers(template.getSpec())) {
                c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .map(e -> e.getValueFrom().getSecretKeyRef())
                        .filter(ref -> !documented.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey()))
                        .forEach(ref -> undocumented.add(name + ": " + ref.getName() + "/" + ref.getKey()));
                c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                        .filter(e -> !documented.containsKey(e.getSecretRef().getName()))
                        .forEach(e -> undocumented.add(name + ": " + e.getSecretRef().getName()));
            }
            for (Volume v : template.getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    Set<String> keys = documented.getOrDefault(v.getSecret().getSecretName(), Set.of());
                    v.getSecret().getItems().stream().filter(item -> !keys.contains(item.getKey()))
                            .forEach(item -> undocumented.add(name + ": " + v.getSecret().getSecretName() + "/" + item.getKey()));
                    if (!documented.containsKey(v.getSecret().getSecretName())) {
                        undocumented.add(name + ": " + v.getSecret().getSecretName());
                    }
                }
            }
        });
        assertThat(undocumented).as("Secrets referenced but missing from deploy/k8s/secrets.example.yaml").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsPodsThatExistOnPortsTheyOpen(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> breaches = new ArrayList<>();
        for (Service service : rendered.all(Service.class)) {
            String name = service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            List<PodTemplateSpec> pods = selected(rendered, selector);
            check(breaches, !selector.isEmpty() && !pods.isEmpty(), name + ": selects no pods (" + selector + ")");
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = Optional.ofNullable(port.getTargetPort()).orElse(new IntOrString(port.getPort()));
                pods.forEach(pod -> check(breaches, containerPort(pod, target).isPresent(),
                        name + ": targetPort " + target.getValue() + " is not a port of the selected pods"));
            }
        }
        for (PodDisruptionBudget pdb : rendered.all(PodDisruptionBudget.class)) {
            check(breaches, !selected(rendered, pdb.getSpec().getSelector().getMatchLabels()).isEmpty(),
                    "PodDisruptionBudget " + pdb.getMetadata().getName() + " selects no pods");
        }
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            check(breaches, rendered.named(Deployment.class, hpa.getSpec().getScaleTargetRef().getName()).isPresent(),
                    "HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " scales no Deployment");
            check(breaches, hpa.getSpec().getMaxReplicas() >= Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1),
                    "HorizontalPodAutoscaler " + hpa.getMetadata().getName() + ": maxReplicas below minReplicas");
        }
        assertThat(breaches).as("Services, PDBs and HPAs in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyConfigMapAWorkloadNeedsIsRendered(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> missing = new ArrayList<>();
        rendered.workloads().forEach((name, template) -> {
            Stream<String> fromEnv = containers(template.getSpec()).stream().flatMap(c -> c.getEnvFrom().stream())
                    .filter(e -> e.getConfigMapRef() != null).map(e -> e.getConfigMapRef().getName());
            Stream<String> fromVolumes = template.getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                    .map(v -> v.getConfigMap().getName());
            Stream.concat(fromEnv, fromVolumes).filter(cm -> rendered.named(ConfigMap.class, cm).isEmpty())
                    .forEach(cm -> missing.add(name + ": " + cm));
        });
        assertThat(missing).as("ConfigMaps referenced but not rendered in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void applicationsListenWhereTheirConfigurationSaysAndKeepTheActuatorOffTheService(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> breaches = new ArrayList<>();
        for (Deployment deployment : appDeployments(rendered)) {
            String app = deployment.getMetadata().getName();
            assertThat(Project.APPS).as("a Deployment of an application this repository builds").containsKey(app);
            Container container = appContainer(deployment);
            Map<String, String> env = rendered.environment(container);
            int serverPort = Integer.parseInt(Project.placeholder(app, "server", "port").resolve(env));
            int http = port(container, "http");
            check(breaches, http == serverPort, app + ": containerPort http " + http + " but server.port " + serverPort);

            String managementPort = env.get("MANAGEMENT_SERVER_PORT");
            check(breaches, managementPort != null && Integer.parseInt(managementPort) == port(container, "management"),
                    app + ": MANAGEMENT_SERVER_PORT " + managementPort + " is not the management containerPort");
            for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                check(breaches, probe.getHttpGet() != null && "management".equals(probe.getHttpGet().getPort().getStrVal())
                        && probe.getHttpGet().getPath().matches("/actuator/health/(liveness|readiness)"),
                        app + ": probes must use the actuator health groups on the management port");
            }
            check(breaches, container.getReadinessProbe().getHttpGet().getPath().endsWith("/readiness"),
                    app + ": the readiness probe must use /actuator/health/readiness");
            String scrapePort = deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port");
            check(breaches, scrapePort == null || scrapePort.equals(managementPort),
                    app + ": prometheus.io/port " + scrapePort + " is not the management port");

            Optional<Service> service = rendered.named(Service.class, app);
            check(breaches, service.isPresent(), app + ": no Service");
            service.ifPresent(s -> s.getSpec().getPorts().forEach(p -> {
                int target = containerPort(deployment.getSpec().getTemplate(), p.getTargetPort()).map(ContainerPort::getContainerPort).orElse(-1);
                check(breaches, target == serverPort && p.getPort() == serverPort,
                        app + ": Service port " + p.getPort() + " -> " + target + ", expected " + serverPort + " (never the actuator)");
            }));
        }
        assertThat(breaches).as("ports in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsOutliveTheGracefulShutdown(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> breaches = new ArrayList<>();
        for (Deployment deployment : appDeployments(rendered)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = appContainer(deployment);
            Map<String, String> env = rendered.environment(container);
            String timeout = Optional.ofNullable(env.get("TONGBAO_SHUTDOWN_TIMEOUT"))
                    .orElse(env.getOrDefault("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "30s"));
            long preStop = container.getLifecycle() == null || container.getLifecycle().getPreStop() == null ? 0
                    : Long.parseLong(container.getLifecycle().getPreStop().getExec().getCommand().get(1));
            long needed = Duration.parse("PT" + timeout.toUpperCase()).toSeconds() + preStop;
            long grace = Objects.requireNonNullElse(pod.getTerminationGracePeriodSeconds(), 30L);
            check(breaches, preStop > 0, deployment.getMetadata().getName() + ": no preStop sleep");
            check(breaches, grace > needed, deployment.getMetadata().getName() + ": terminationGracePeriodSeconds "
                    + grace + " but shutdown " + timeout + " + preStop " + preStop + " s");
        }
        assertThat(breaches).as("graceful shutdown in overlays/" + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADisruptionBudgetAndEveryStatelessServiceAnAutoscaler(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        for (Deployment deployment : appDeployments(rendered)) {
            String name = deployment.getMetadata().getName();
            assertThat(rendered.named(PodDisruptionBudget.class, name)).as(name + " PodDisruptionBudget").isPresent();
            if ("service".equals(Rendered.component(deployment))) {
                assertThat(rendered.named(HorizontalPodAutoscaler.class, name)).as(name + " HorizontalPodAutoscaler").isPresent();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theApplicationsSettingsAreVariablesTheyRead(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        String configuration = Project.allConfiguration();
        Set<String> unread = new TreeSet<>();
        for (Deployment deployment : appDeployments(rendered)) {
            Container container = appContainer(deployment);
            List<String> names = new ArrayList<>(rendered.environment(container).keySet());
            container.getEnv().forEach(e -> names.add(e.getName()));
            names.stream()
                    // Spring Boot's relaxed binding of a property (spring.*, management.*, server.*, sandbox.*)
                    .filter(n -> !n.matches("(SPRING|MANAGEMENT|SERVER|SANDBOX)_[A-Z0-9_]+"))
                    .filter(n -> !configuration.contains("${" + n + "}") && !configuration.contains("${" + n + ":"))
                    // an element of a list the application binds from the environment (TONGBAO_WECHAT_PUBLIC_KEYS_0_ID)
                    .filter(n -> !Project.bindsListElement(deployment.getMetadata().getName(), n))
                    .forEach(n -> unread.add(deployment.getMetadata().getName() + ": " + n));
        }
        assertThat(unread).as("variables set in overlays/" + overlay + " that no application.yml reads").isEmpty();
    }

    @Test
    void listElementsCountAsReadOnlyWhenTheApplicationBindsThatListAndField() {
        assertThat(Project.bindsListElement("payment-service", "TONGBAO_WECHAT_PUBLIC_KEYS_0_ID")).isTrue();
        assertThat(Project.bindsListElement("payment-service", "TONGBAO_WECHAT_PUBLIC_KEYS_7_KEY")).isTrue();
        assertThat(Project.bindsListElement("payment-service", "TONGBAO_WECHAT_PUBLICKEYS_1_KEY")).isTrue();
        // a field the element does not have, a list the properties do not have, no index, another application
        assertThat(Project.bindsListElement("payment-service", "TONGBAO_WECHAT_PUBLIC_KEYS_0_SERIAL")).isFalse();
        assertThat(Project.bindsListElement("payment-service", "TONGBAO_WECHAT_PRIVATE_KEYS_0_ID")).isFalse();
        assertThat(Project.bindsListElement("payment-service", "TONGBAO_WECHAT_PUBLIC_KEYS_ID")).isFalse();
        assertThat(Project.bindsListElement("order-service", "TONGBAO_WECHAT_PUBLIC_KEYS_0_ID")).isFalse();
    }

    static List<Deployment> appDeployments(Rendered rendered) {
        return rendered.all(Deployment.class).stream().filter(d -> APP_COMPONENTS.contains(Rendered.component(d))).toList();
    }

    /** The application's own container: the first and only one of its pod. */
    static Container appContainer(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<PodTemplateSpec> selected(Rendered rendered, Map<String, String> selector) {
        return rendered.workloads().values().stream()
                .filter(t -> t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
    }

    private static Optional<ContainerPort> containerPort(PodTemplateSpec pod, IntOrString port) {
        return containers(pod.getSpec()).stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : port.getIntVal().equals(p.getContainerPort()))
                .findFirst();
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort).orElse(-1);
    }

    static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getInitContainers());
        all.addAll(pod.getContainers());
        return all;
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    static void check(List<String> breaches, boolean ok, String breach) {
        if (!ok) {
            breaches.add(breach);
        }
    }
}
