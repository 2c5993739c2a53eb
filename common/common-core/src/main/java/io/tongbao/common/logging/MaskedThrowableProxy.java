package io.tongbao.common.logging;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * An exception as the log prints it, with the secrets of its messages (its causes' and suppressed ones' too) masked.
 * A {@link ThrowableProxy} because that is what a logging event holds; {@link #getThrowable()} is still the original,
 * which only a custom stack-trace printer would read.
 */
final class MaskedThrowableProxy extends ThrowableProxy {

    private final IThrowableProxy original;

    MaskedThrowableProxy(Throwable throwable) {
        this(new ThrowableProxy(throwable));
    }

    private MaskedThrowableProxy(ThrowableProxy original) {
        super(original.getThrowable());
        this.original = original;
    }

    /** Whether any message in the exception's chain holds a secret. */
    static boolean leaks(Throwable throwable) {
        return leaks(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    // causes may form a cycle
    private static boolean leaks(Throwable throwable, Set<Throwable> seen) {
        if (throwable == null || !seen.add(throwable)) {
            return false;
        }
        return SecretMasker.hasSecret(throwable.getMessage()) || SecretMasker.hasSecret(throwable.toString())
                || leaks(throwable.getCause(), seen)
                || Arrays.stream(throwable.getSuppressed()).anyMatch(suppressed -> leaks(suppressed, seen));
    }

    @Override
    public String getMessage() {
        return SecretMasker.mask(original.getMessage());
    }

    @Override
    public String getOverridingMessage() {
        return SecretMasker.mask(original.getOverridingMessage());
    }

    @Override
    public String getClassName() {
        return original.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return original.getCommonFrames();
    }

    @Override
    public boolean isCyclic() {
        return original.isCyclic();
    }

    @Override
    public IThrowableProxy getCause() {
        return wrap(original.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return Arrays.stream(original.getSuppressed()).map(MaskedThrowableProxy::wrap).toArray(IThrowableProxy[]::new);
    }

    private static IThrowableProxy wrap(IThrowableProxy proxy) {
        return proxy instanceof ThrowableProxy tp && !(proxy instanceof MaskedThrowableProxy)
                ? new MaskedThrowableProxy(tp) : proxy;
    }
}
