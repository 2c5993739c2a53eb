package io.tongbao.sandbox.alipay.sign;

import java.util.Optional;

/** The two RSA flavours the gateway accepts; RSA2 is the SDK default, RSA (SHA1) is the legacy fallback. */
public enum SignType {
    RSA2("SHA256withRSA"),
    RSA("SHA1withRSA");

    private final String algorithm;

    SignType(String algorithm) {
        this.algorithm = algorithm;
    }

    public String algorithm() {
        return algorithm;
    }

    public static Optional<SignType> of(String name) {
        for (SignType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
