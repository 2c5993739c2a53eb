package io.tongbao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile, checked without a Docker engine: rules in the spirit of hadolint (pinned base images, no
 * ADD, a non-root user, no root-owned surprises, exec-form entrypoint) plus what this project needs (Spring Boot's
 * layered extraction, container-aware JVM flags, the ports the applications use).
 */
class DockerfileRulesTest {

    private static final String DOCKERFILE = Project.read(Project.ROOT.resolve("deploy/docker/Dockerfile"));
    private static final String BUILD_SCRIPT = Project.read(Project.ROOT.resolve("deploy/docker/build-images.sh"));
    private static final List<Instruction> INSTRUCTIONS = parse(DOCKERFILE);

    @Test
    void baseImagesArePinnedToAVersionTag() {
        List<Instruction> froms = of("FROM");
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        for (Instruction from : froms) {
            String image = from.args().split("\\s+")[0];
            assertThat(image).as("FROM %s", image)
                    .matches("[a-z0-9./-]+(:[0-9][A-Za-z0-9._-]*|@sha256:[0-9a-f]{64})")
                    .doesNotContain(":latest")
                    .startsWith("eclipse-temurin:17");
        }
    }

    @Test
    void theRuntimeStageRunsAsANonRootUserOnCodeItCannotChange() {
        List<Instruction> runtime = finalStage();
        List<String> users = runtime.stream().filter(i -> i.is("USER")).map(Instruction::args).toList();
        assertThat(users).as("USER in the final stage").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0").matches("[1-9][0-9]{3,}");
        assertThat(runtime.indexOf(runtime.stream().filter(i -> i.is("USER")).reduce((a, b) -> b).orElseThrow()))
                .as("USER before ENTRYPOINT").isLessThan(indexOf(runtime, "ENTRYPOINT"));
        assertThat(runtime).filteredOn(i -> i.is("COPY")).isNotEmpty()
                .allSatisfy(copy -> assertThat(copy.args()).as("COPY %s", copy.args()).contains("--chown="));
    }

    @Test
    void noAddNoRecursiveChownNoLatestAnywhere() {
        assertThat(of("ADD")).as("ADD (use COPY; never fetch URLs in a build)").isEmpty();
        assertThat(of("RUN")).allSatisfy(run -> assertThat(run.args())
                .doesNotContainPattern("\\bchown\\b|chmod\\s+(-R\\s+)?777|\\bsudo\\b|curl[^|]*\\|\\s*(ba)?sh"));
        assertThat(of("RUN")).filteredOn(run -> run.args().contains("apt-get install"))
                .allSatisfy(run -> assertThat(run.args()).contains("--no-install-recommends").contains("rm -rf /var/lib/apt/lists"));
        assertThat(DOCKERFILE).doesNotContain(":latest");
    }

    @Test
    void theJarIsSplitIntoSpringBootLayersAndStartedByItsLauncher() {
        assertThat(of("RUN")).anySatisfy(run -> assertThat(run.args())
                .contains("java -Djarmode=tools -jar application.jar extract --layers --launcher"));
        assertThat(of("COPY")).filteredOn(c -> c.args().contains("--from="))
                .extracting(c -> c.args().replaceAll(".*/extracted/([a-z-]+)/.*", "$1"))
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        Instruction entrypoint = finalStage().get(indexOf(finalStage(), "ENTRYPOINT"));
        assertThat(entrypoint.args()).as("exec form").startsWith("[")
                .isEqualTo("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void theJvmSizesItselfFromTheContainer() {
        assertThat(finalStage()).filteredOn(i -> i.is("ENV")).extracting(Instruction::args)
                .anySatisfy(env -> assertThat(env).startsWith("JAVA_TOOL_OPTIONS=")
                        .contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError").contains("-Djava.io.tmpdir=/tmp").contains("-Duser.home=/tmp"));
    }

    @Test
    void healthIsLeftToKubernetesOnPurpose() {
        List<Instruction> healthchecks = of("HEALTHCHECK");
        assertThat(healthchecks).hasSize(1);
        assertThat(healthchecks.get(0).args()).isEqualTo("NONE");
        assertThat(DOCKERFILE).contains("No HEALTHCHECK in the image:");
    }

    @Test
    void theBuildScriptBuildsEveryApplicationWithThePortItsConfigurationUses() {
        Matcher line = Pattern.compile("(?m)^([a-z-]+) ([a-z/-]+) (\\d+)$").matcher(BUILD_SCRIPT);
        Map<String, List<String>> built = new java.util.LinkedHashMap<>();
        while (line.find()) {
            built.put(line.group(1), List.of(line.group(2), line.group(3)));
        }
        assertThat(built.keySet()).containsExactlyElementsOf(Project.APPS.keySet());
        built.forEach((app, moduleAndPort) -> {
            assertThat(moduleAndPort.get(0)).as(app + " module").isEqualTo(Project.APPS.get(app));
            assertThat(moduleAndPort.get(1)).as(app + " port")
                    .isEqualTo(Project.placeholder(app, "server", "port").defaultValue());
        });
        assertThat(of("EXPOSE")).singleElement().extracting(Instruction::args).isEqualTo("${PORT} 9090");
        assertThat(BUILD_SCRIPT).contains("tongbao/$app:$TAG");
    }

    private static List<Instruction> of(String keyword) {
        return INSTRUCTIONS.stream().filter(i -> i.is(keyword)).toList();
    }

    private static List<Instruction> finalStage() {
        int lastFrom = 0;
        for (int i = 0; i < INSTRUCTIONS.size(); i++) {
            if (INSTRUCTIONS.get(i).is("FROM")) {
                lastFrom = i;
            }
        }
        return INSTRUCTIONS.subList(lastFrom, INSTRUCTIONS.size());
    }

    private static int indexOf(List<Instruction> instructions, String keyword) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Instructions with their continuation lines joined, comments and the parser directive left out. */
    private static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        String joined = dockerfile.lines().filter(l -> !l.stripLeading().startsWith("#"))
                .collect(Collectors.joining("\n")).replaceAll("\\\\\\n\\s*", " ");
        for (String line : joined.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
        }
        return instructions;
    }

    record Instruction(String keyword, String args) {

        boolean is(String other) {
            return keyword.equals(other);
        }
    }
}
