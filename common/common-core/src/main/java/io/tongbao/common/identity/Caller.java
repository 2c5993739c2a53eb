package io.tongbao.common.identity;

import java.util.Set;

/**
 * Who is calling, as the gateway established it from the JWT and passed on in {@code X-User-Id} and
 * {@code X-User-Roles}. Controllers take it as a parameter; it is 401 when the headers are missing.
 */
public record Caller(long userId, Set<String> roles) {

    public static final String USER_ID_HEADER = "X-User-Id";
    public static final String ROLES_HEADER = "X-User-Roles";
    /** The caller's IP address as the gateway saw the connection; never taken from the client. */
    public static final String CLIENT_IP_HEADER = "X-Client-Ip";
    public static final String ADMIN = "ADMIN";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
