package io.tongbao.common.logging;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;

/** Puts {@link MaskingTurboFilter} first in Logback's turbo filters, and back after every reset of the context. */
final class LogbackMasking implements LoggerContextListener {

    private LogbackMasking() {
    }

    /** Idempotent; does nothing when SLF4J is not bound to Logback. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            install(context);
        }
    }

    static void install(LoggerContext context) {
        if (context.getCopyOfListenerList().stream().noneMatch(LogbackMasking.class::isInstance)) {
            context.addListener(new LogbackMasking());
        }
        addFilter(context);
    }

    // first: the chain stops at the first filter that decides, and this one must see every event
    private static void addFilter(LoggerContext context) {
        var filters = context.getTurboFilterList();
        if (filters.stream().noneMatch(MaskingTurboFilter.class::isInstance)) {
            MaskingTurboFilter filter = new MaskingTurboFilter();
            filter.setContext(context);
            filter.start();
            filters.add(0, filter);
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onReset(LoggerContext context) {
        addFilter(context);
    }

    @Override
    public void onStart(LoggerContext context) {
        addFilter(context);
    }

    @Override
    public void onStop(LoggerContext context) {
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }
}
