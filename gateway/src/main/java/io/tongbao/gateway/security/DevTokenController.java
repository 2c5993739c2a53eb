package io.tongbao.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Local profile only: hands out tokens for any user, so the local stack can be clicked through. */
@RestController
@Profile("local")
class DevTokenController {

    private final JwtCodec jwt;
    private final JwtProperties properties;

    DevTokenController(JwtCodec jwt, JwtProperties properties) {
        this.jwt = jwt;
        this.properties = properties;
    }

    record DevTokenRequest(String userId, List<String> roles) {
    }

    @PostMapping("/api/auth/dev-token")
    Map<String, String> devToken(@RequestBody DevTokenRequest request) {
        if (request.userId() == null || !request.userId().matches("[1-9]\\d{0,18}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId must be a positive decimal string");
        }
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        String token = jwt.issue(request.userId(), roles, properties.devTokenTtl());
        if (jwt.verify(token).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "roles must be upper-case names such as ADMIN");
        }
        return Map.of("token", token);
    }
}
