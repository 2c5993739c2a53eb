package io.tongbao.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository as the manifests must match it: the applications, their modules and their configuration. */
final class Project {

    static final Path ROOT = Path.of(System.getProperty("tongbao.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    /** Each application deployed to Kubernetes, by its Deployment name, with its Maven module. */
    static final Map<String, String> APPS = apps();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

    private Project() {
    }

    private static Map<String, String> apps() {
        Map<String, String> apps = new LinkedHashMap<>();
        apps.put("gateway", "gateway");
        apps.put("order-service", "order-service/order-app");
        apps.put("payment-service", "payment-service/payment-app");
        apps.put("coin-service", "coin-service/coin-app");
        apps.put("learning-service", "learning-service/learning-app");
        apps.put("payment-sandbox", "payment-sandbox");
        return apps;
    }

    static String applicationYml(String app) {
        return read(ROOT.resolve(APPS.get(app)).resolve("src/main/resources/application.yml"));
    }

    static String serviceDefaultsYml() {
        return read(ROOT.resolve("common/service-starter/src/main/resources/tongbao/service-defaults.yml"));
    }

    /** Every application's own configuration and the shared defaults, as one text to search for placeholders. */
    static String allConfiguration() {
        StringBuilder all = new StringBuilder(serviceDefaultsYml());
        APPS.keySet().forEach(app -> all.append('\n').append(applicationYml(app)));
        return all.toString();
    }

    /**
     * A placeholder property of the application's first (profile-less) document, such as server.port written as
     * {@code ${TONGBAO_ORDER_PORT:8081}}: the variable and its default.
     */
    static Placeholder placeholder(String app, String parent, String key) {
        String firstDocument = applicationYml(app).split("(?m)^---\\s*$")[0];
        Matcher section = Pattern.compile("(?ms)^" + Pattern.quote(parent) + ":\\s*$(.*?)(?=^\\S)").matcher(firstDocument + "\nend:");
        if (!section.find()) {
            throw new IllegalStateException(app + ": no " + parent + " section in application.yml");
        }
        Matcher line = Pattern.compile("(?m)^\\s+" + Pattern.quote(key) + ":\\s*(\\S+)").matcher(section.group(1));
        if (!line.find()) {
            throw new IllegalStateException(app + ": no " + parent + "." + key + " in application.yml");
        }
        Matcher placeholder = PLACEHOLDER.matcher(line.group(1));
        return placeholder.matches()
                ? new Placeholder(placeholder.group(1), placeholder.group(2))
                : new Placeholder(null, line.group(1));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property written as ${VARIABLE:default} (variable null when the value is a literal). */
    record Placeholder(String variable, String defaultValue) {

        String resolve(Map<String, String> environment) {
            return variable != null && environment.containsKey(variable) ? environment.get(variable) : defaultValue;
        }
    }
}
