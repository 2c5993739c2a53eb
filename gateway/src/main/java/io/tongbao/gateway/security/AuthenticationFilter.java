package io.tongbao.gateway.security;

import java.util.List;
import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.gateway.web.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * The identity boundary. Client-sent X-User-* headers are always removed; they are set only from a verified
 * token. /internal/** does not exist from outside (404). Everything but the public paths of API.md needs a token.
 * The caller's address is passed on in X-Client-Ip, set here from the connection (a client-sent one is dropped), so
 * that services can hand the payer's real IP to a provider (WeChat H5's payer_client_ip).
 */
@Component
@Order(-100)
class AuthenticationFilter implements WebFilter {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    /** Public whatever the method. */
    private static final List<PathPattern> PUBLIC = patterns("/api/payment/notify/**", "/api/auth/dev-token",
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs", "/v3/api-docs/**", "/docs/**");
    /** Public for GET only: the catalogs, the storefront's files, and the browser's way back from a cashier. */
    private static final List<PathPattern> PUBLIC_GET = patterns("/api/order/products", "/api/learning/courses",
            "/api/coin/pods", "/api/payment/channels", "/api/order/flash-sales", "/", "/storefront/**",
            "/api/payment/return/**");

    private final JwtCodec jwt;

    AuthenticationFilter(JwtCodec jwt) {
        this.jwt = jwt;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        if (isInternal(path)) {
            return ProblemWriter.write(exchange, HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "Not found");
        }
        ServerWebExchange stripped = exchange.mutate().request(r -> r.headers(h -> {
            h.remove(Caller.USER_ID_HEADER);
            h.remove(Caller.ROLES_HEADER);
            h.remove(Caller.CLIENT_IP_HEADER);
            var remote = request.getRemoteAddress();
            if (remote != null && remote.getAddress() != null) {
                h.set(Caller.CLIENT_IP_HEADER, remote.getAddress().getHostAddress());
            }
        })).build();
        if (isPublic(request.getMethod(), path) || isCorsPreflight(request)) {
            return chain.filter(stripped);
        }
        String token = bearer(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return jwt.verify(token == null ? "" : token)
                .map(user -> chain.filter(stripped.mutate().request(r -> r.headers(h -> {
                    h.set(Caller.USER_ID_HEADER, user.userId());
                    h.set(Caller.ROLES_HEADER, String.join(",", user.roles()));
                })).build()))
                .orElseGet(() -> {
                    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
                            token == null ? "A bearer token is required" : "The token is invalid or expired");
                });
    }

    static boolean isInternal(PathContainer path) {
        return path.elements().stream()
                .anyMatch(e -> e instanceof PathContainer.PathSegment s
                        && s.valueToMatch().toLowerCase(Locale.ROOT).equals("internal"));
    }

    static boolean isPublic(HttpMethod method, PathContainer path) {
        return PUBLIC.stream().anyMatch(p -> p.matches(path))
                || (HttpMethod.GET.equals(method) && PUBLIC_GET.stream().anyMatch(p -> p.matches(path)));
    }

    private static boolean isCorsPreflight(ServerHttpRequest request) {
        return HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaders().getOrigin() != null
                && request.getHeaders().getAccessControlRequestMethod() != null;
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static List<PathPattern> patterns(String... paths) {
        return java.util.Arrays.stream(paths).map(PARSER::parse).toList();
    }
}
