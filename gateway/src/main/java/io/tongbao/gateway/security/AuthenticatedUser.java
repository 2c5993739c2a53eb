package io.tongbao.gateway.security;

import java.util.List;

/** The subject of a verified token. */
public record AuthenticatedUser(String userId, List<String> roles) {
}
