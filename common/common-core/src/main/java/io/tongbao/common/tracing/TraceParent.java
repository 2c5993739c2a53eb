package io.tongbao.common.tracing;

import java.util.regex.Pattern;

/** The W3C {@code traceparent} header: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. */
public final class TraceParent {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_PARENT_ID = "0".repeat(16);

    private TraceParent() {
    }

    /** True for a well-formed header whose ids are not all zeros (the spec's invalid values); version ff is invalid. */
    public static boolean isValid(String header) {
        if (header == null || !FORMAT.matcher(header).matches() || header.startsWith("ff")) {
            return false;
        }
        return !traceIdOf(header).equals(INVALID_TRACE_ID) && !header.substring(36, 52).equals(INVALID_PARENT_ID);
    }

    /** The trace id of a valid header, or null. */
    public static String traceId(String header) {
        return isValid(header) ? traceIdOf(header) : null;
    }

    private static String traceIdOf(String header) {
        return header.substring(3, 35);
    }
}
