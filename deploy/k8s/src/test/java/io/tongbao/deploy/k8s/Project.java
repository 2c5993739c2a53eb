package io.tongbao.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository as the manifests must match it: the applications, their modules and their configuration. */
final class Project {

    static final Path ROOT = Path.of(System.getProperty("tongbao.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    /** Each application deployed to Kubernetes, by its Deployment name, with its Maven module. */
    static final Map<String, String> APPS = apps();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");
    // @ConfigurationProperties("prefix") on a record (other annotations may follow): the prefix and the components
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)\\s*"
                    + "(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?record\\s+\\w+\\s*\\(([^)]*)\\)");
    private static final Pattern LIST_COMPONENT = Pattern.compile("(?:java\\.util\\.)?List<\\s*(\\w+)\\s*>\\s+(\\w+)");

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

    /**
     * Whether the variable is an element of a list that the application binds with Spring Boot's relaxed binding
     * rather than through a placeholder: {@code TONGBAO_WECHAT_PUBLIC_KEYS_0_ID} is
     * {@code tongbao.wechat.public-keys[0].id}. True only when one of the application's own
     * {@code @ConfigurationProperties("<prefix>")} records has a {@code List<Element>} component of that name and
     * the record {@code Element} a component named like the variable's last part.
     */
    static boolean bindsListElement(String app, String variable) {
        String sources = javaSources(app);
        Matcher properties = CONFIGURATION_PROPERTIES.matcher(sources);
        while (properties.find()) {
            String prefix = properties.group(1);
            for (String component : components(properties.group(2))) {
                Matcher list = LIST_COMPONENT.matcher(component);
                if (!list.matches()) {
                    continue;
                }
                String element = list.group(1);
                String name = prefix + "." + kebab(list.group(2));
                for (String form : List.of(legacyVariable(name), canonicalVariable(name))) {
                    Matcher indexed = Pattern.compile(Pattern.quote(form) + "_\\d+_([A-Z0-9_]+)").matcher(variable);
                    if (indexed.matches() && elementComponents(sources, element).stream()
                            .anyMatch(field -> indexed.group(1).equals(legacyVariable(kebab(field)))
                                    || indexed.group(1).equals(canonicalVariable(kebab(field))))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> elementComponents(String sources, String record) {
        Matcher header = Pattern.compile("record\\s+" + Pattern.quote(record) + "\\s*\\(([^)]*)\\)").matcher(sources);
        if (!header.find()) {
            return List.of();
        }
        return components(header.group(1)).stream().map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
    }

    /** A record header's components, split on the commas outside type arguments, annotations dropped. */
    private static List<String> components(String header) {
        List<String> components = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : header.toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                components.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        components.add(current.toString());
        return components.stream().map(c -> c.replaceAll("@\\w+(\\([^)]*\\))?", "").trim().replaceAll("\\s+", " "))
                .filter(c -> !c.isEmpty()).toList();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // tongbao.wechat.public-keys -> TONGBAO_WECHAT_PUBLIC_KEYS (dashes as underscores, which Spring Boot also reads)
    private static String legacyVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    // tongbao.wechat.public-keys -> TONGBAO_WECHAT_PUBLICKEYS (Spring Boot's documented form: dashes removed)
    private static String canonicalVariable(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** The application module's main Java sources, as one text. */
    static String javaSources(String app) {
        Path sources = ROOT.resolve(APPS.get(app)).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(Project::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
