package io.tongbao.sandbox.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds absolute URLs that a browser or client of the sandbox can follow back to it. */
@Component
public class PublicUrls {

    private final SandboxProperties properties;

    public PublicUrls(SandboxProperties properties) {
        this.properties = properties;
    }

    public String base(HttpServletRequest request) {
        String configured = properties.publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString();
    }
}
