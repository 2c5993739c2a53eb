package io.tongbao.payment.channel;

import java.util.Map;

/**
 * A notify as it arrived: its form fields (form notifies), its headers, and its raw body exactly as received (JSON
 * notifies are verified over these bytes, never over a re-serialised body). Header names are lower case.
 */
public record InboundNotify(Map<String, String> params, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
