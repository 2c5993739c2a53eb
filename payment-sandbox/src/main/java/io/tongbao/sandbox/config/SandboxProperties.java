package io.tongbao.sandbox.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every provider the sandbox imitates.
 *
 * @param keyDir        where generated platform keys live, so that clients configured once keep working after restarts
 * @param publicBaseUrl base of URLs handed to clients (cashier, bill download); blank means "as the client called us"
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(Path keyDir, String publicBaseUrl) {
}
