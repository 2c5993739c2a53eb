package io.tongbao.deploy.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads rendered manifests into fabric8's Kubernetes API types, strictly. The model keeps unknown fields in an
 * "additional properties" map by default (through a Jackson any-setter); here the any-setters are switched off, so
 * an unknown field anywhere (a typo, a field of another API version, a wrong indentation) fails with its path, and
 * a mistyped value fails as usual. A kind the model does not know fails too.
 */
final class StrictManifests {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(strictMapper(), true);

    private StrictManifests() {
    }

    /** Every object of a multi-document YAML stream, in order. */
    static List<HasMetadata> load(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            JsonNode tree = readTree(document);
            String apiVersion = tree.path("apiVersion").asText();
            String kind = tree.path("kind").asText();
            Class<?> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
            if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("not a Kubernetes API type: apiVersion " + apiVersion + ", kind " + kind);
            }
            objects.add((HasMetadata) SERIALIZATION.unmarshal(document, type));
        }
        return objects;
    }

    private static JsonNode readTree(String document) {
        try {
            return PLAIN.readTree(SERIALIZATION.convertToJson(document));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }
}
