package io.tongbao.order.notification;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.common.web.Page;

/** The caller's notifications (API.md, "Notifications"): the list, and the live stream. */
@RestController
class NotificationController {

    static final int MAX_PAGE_SIZE = 100;
    /** At most this many missed notifications are replayed on a reconnect; the list has the rest. */
    static final int MAX_CATCH_UP = 100;

    private final NotificationStore store;
    private final NotificationStreams streams;

    NotificationController(NotificationStore store, NotificationStreams streams) {
        this.store = store;
        this.streams = streams;
    }

    @GetMapping("/api/order/notifications")
    Page<Notification.View> list(Caller caller, @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "page must be >= 1 and size 1.." + MAX_PAGE_SIZE);
        }
        List<Notification.View> items = store.page(caller.userId(), page, size).stream().map(Notification::view).toList();
        return new Page<>(items, page, size, store.count(caller.userId()));
    }

    /**
     * Each new notification as an event named by its type, with its id as the event id. A client that reconnects
     * with Last-Event-ID first gets what it missed. X-Accel-Buffering tells a proxy in front not to buffer.
     */
    @GetMapping(path = "/api/order/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long after = lastEventId(lastEventId);
        long userId = caller.userId();
        SseEmitter emitter = streams.open(userId,
                () -> after < 0 ? List.of() : store.after(userId, after, MAX_CATCH_UP));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
                .contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    /** -1 when there is none (nothing to replay). */
    private static long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "Last-Event-ID must be a notification id");
        }
    }
}
