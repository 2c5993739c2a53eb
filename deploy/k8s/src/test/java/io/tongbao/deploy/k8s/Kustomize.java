package io.tongbao.deploy.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with whatever kustomize the machine has: the command in TONGBAO_KUSTOMIZE (for example
 * "/opt/kubectl kustomize"), else a standalone `kustomize build`, else `kubectl kustomize` (kubectl 1.14 and later
 * embed kustomize; .ci/run installs Debian's kubernetes-client where there is none). The manifests stay within
 * what kustomize v2 (Debian's kubectl 1.20) and v5 (current kubectl) both read.
 */
final class Kustomize {

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    static Optional<Kustomize> find() {
        String configured = System.getenv("TONGBAO_KUSTOMIZE");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new Kustomize(List.of(configured.trim().split("\\s+"))));
        }
        if (onPath("kustomize")) {
            return Optional.of(new Kustomize(List.of("kustomize", "build")));
        }
        if (onPath("kubectl")) {
            return Optional.of(new Kustomize(List.of("kubectl", "kustomize")));
        }
        return Optional.empty();
    }

    String describe() {
        return String.join(" ", command);
    }

    String render(Path kustomization) {
        List<String> full = new ArrayList<>(command);
        full.add(kustomization.toString());
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(full).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(describe() + " did not finish in 120 s");
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(describe() + " " + kustomization + " failed (exit "
                        + process.exitValue() + "):\n" + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
