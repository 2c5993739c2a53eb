package io.tongbao.payment.channel;

import java.util.Map;

/**
 * What the payer needs to pay, by mode: a code to show as a QR ({@code codeUrl}), a URL to open ({@code h5Url}), an
 * auto-submitting form ({@code form}), or the parameters of a mini-program or in-app payment ({@code jsapi}). A
 * channel that settles at once (the wallet) answers the trade as {@code settled}, with its price in {@code coins}.
 */
public record Checkout(String codeUrl, String h5Url, String form, Map<String, String> jsapi, ProviderTrade settled,
        Long coins) {

    public Checkout(String codeUrl, String h5Url, String form, Map<String, String> jsapi) {
        this(codeUrl, h5Url, form, jsapi, null, null);
    }

    public static Checkout code(String codeUrl) {
        return new Checkout(codeUrl, null, null, null);
    }

    public static Checkout link(String h5Url) {
        return new Checkout(null, h5Url, null, null);
    }

    public static Checkout form(String form) {
        return new Checkout(null, null, form, null);
    }

    public static Checkout jsapi(Map<String, String> parameters) {
        return new Checkout(null, null, null, Map.copyOf(parameters));
    }

    /** Paid already, for {@code coins} coins. */
    public static Checkout settled(ProviderTrade trade, long coins) {
        return new Checkout(null, null, null, null, trade, coins);
    }
}
