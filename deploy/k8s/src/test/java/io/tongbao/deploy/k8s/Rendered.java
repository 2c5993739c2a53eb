package io.tongbao.deploy.k8s;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One overlay, rendered by kustomize and loaded strictly; rendered once per test run. */
final class Rendered {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.find();
    private static final AtomicBoolean SKIP_SAID = new AtomicBoolean();

    final String overlay;
    final List<HasMetadata> objects;

    private Rendered(String overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /**
     * The overlay's objects. Without any kustomize the render checks are skipped and say so, except in CI
     * (CI=true), where .ci/run installs one and a missing one is a failure.
     */
    static Rendered overlay(String name) {
        if (KUSTOMIZE.isEmpty()) {
            String message = "SKIPPED: neither kubectl nor kustomize is on the PATH, so the overlays were not rendered"
                    + " or checked. Install kubectl (Debian: apt-get install kubernetes-client) to run these checks.";
            if (!SKIP_SAID.getAndSet(true)) {
                System.out.println(message);
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            abort(message);
        }
        return CACHE.computeIfAbsent(name, overlay -> {
            String yaml = KUSTOMIZE.get().render(Project.K8S.resolve("overlays").resolve(overlay));
            System.out.println("Rendered overlays/" + overlay + " with " + KUSTOMIZE.get().describe());
            return new Rendered(overlay, StrictManifests.load(yaml));
        });
    }

    /** Other objects under the same overlay name: a rendered overlay with a change, to show that a rule fails. */
    Rendered with(List<HasMetadata> changed) {
        return new Rendered(overlay, List.copyOf(changed));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Every Deployment and StatefulSet, by name, with its pod template. */
    Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> workloads.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return workloads;
    }

    /** The environment a container starts with, as far as the manifests set it (ConfigMaps, then literals). */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                named(ConfigMap.class, from.getConfigMapRef().getName())
                        .ifPresent(cm -> cm.getData().forEach((k, v) -> env.put(k, v)));
            }
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    static String component(HasMetadata object) {
        return object.getMetadata().getLabels().getOrDefault("app.kubernetes.io/component", "");
    }
}
