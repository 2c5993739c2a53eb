package io.tongbao.common.logging;

import java.util.List;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Masks secrets before any appender sees the event, so that the console (text or JSON) and every other appender get
 * the same masked line. A turbo filter runs before the event exists: when the formatted message or the exception
 * holds a secret, it hands the appenders a masked copy itself and drops the original; otherwise it stays out of
 * the way.
 */
final class MaskingTurboFilter extends TurboFilter {

    MaskingTurboFilter() {
        setName("tongbao-secret-masking");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return decide(marker, logger, level, format, params, t, List.of());
    }

    @Override
    public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent event) {
        List<Marker> markers = event.getMarkers();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return decide(markers == null || markers.isEmpty() ? null : markers.get(0), logger,
                Level.convertAnSLF4JLevel(event.getLevel()), event.getMessage(), event.getArgumentArray(),
                event.getThrowable(), pairs == null ? List.of() : pairs);
    }

    private FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t,
            List<KeyValuePair> pairs) {
        // a level check only (isDebugEnabled...), or an event the logger drops anyway
        if (format == null || level.levelInt < logger.getEffectiveLevel().levelInt) {
            return FilterReply.NEUTRAL;
        }
        FormattingTuple formatted = MessageFormatter.arrayFormat(format, params);
        Throwable thrown = t != null ? t : formatted.getThrowable();
        String message = formatted.getMessage();
        String masked = SecretMasker.mask(message);
        boolean thrownLeaks = thrown != null && MaskedThrowableProxy.leaks(thrown);
        boolean pairsLeak = pairs.stream().anyMatch(pair -> mask(pair.value) != pair.value);
        if (masked == message && !thrownLeaks && !pairsLeak) {
            return FilterReply.NEUTRAL;
        }
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, masked, null, null);
        if (thrown != null) {
            event.setThrowableProxy(thrownLeaks ? new MaskedThrowableProxy(thrown) : new ThrowableProxy(thrown));
        }
        if (marker != null) {
            event.addMarker(marker);
        }
        pairs.forEach(pair -> event.addKeyValuePair(new KeyValuePair(pair.key, mask(pair.value))));
        logger.callAppenders(event);
        return FilterReply.DENY;
    }

    private static Object mask(Object value) {
        return value instanceof String text ? SecretMasker.mask(text) : value;
    }
}
