package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict loader itself: what it accepts and what it refuses. Needs no kustomize. */
class StrictManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: demo
                      image: demo:1.0.0
                      ports:
                        - containerPort: 8080
            """;

    @Test
    void loadsAValidStreamIntoTheApiTypes() {
        var objects = StrictManifests.load(DEPLOYMENT + "---\n" + """
                apiVersion: v1
                kind: Service
                metadata:
                  name: demo
                spec:
                  selector:
                    app: demo
                  ports:
                    - port: 80
                      targetPort: 8080
                """);

        assertThat(objects).hasSize(2);
        assertThat(objects.get(0)).isInstanceOfSatisfying(Deployment.class,
                d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void refusesAnUnknownFieldDeepInTheTree() {
        String typo = DEPLOYMENT.replace("containerPort: 8080", "containerPort: 8080\n              hostPortt: 80");

        assertThatThrownBy(() -> StrictManifests.load(typo)).hasMessageContaining("hostPortt");
    }

    @Test
    void refusesAFieldAtTheWrongLevel() {
        String misplaced = DEPLOYMENT.replace("  replicas: 2", "  replicas: 2\n  image: demo:1.0.0");

        assertThatThrownBy(() -> StrictManifests.load(misplaced)).hasMessageContaining("image");
    }

    @Test
    void refusesAMistypedValue() {
        String mistyped = DEPLOYMENT.replace("replicas: 2", "replicas: two");

        assertThatThrownBy(() -> StrictManifests.load(mistyped)).hasMessageContaining("replicas");
    }

    @Test
    void refusesAKindTheApiDoesNotHave() {
        String unknown = DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet");

        assertThatThrownBy(() -> StrictManifests.load(unknown)).hasMessageContaining("Deploymnet");
    }
}
