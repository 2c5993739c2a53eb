package io.tongbao.order.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open notification streams of this replica, per user. A new stream first catches up on what it missed (the
 * notifications after its Last-Event-ID), holding live ones back meanwhile, so that nothing is lost or sent twice
 * in between. Idle streams get a comment line every heartbeat; all streams end when the service stops, and the
 * browser reconnects to another replica.
 */
@Component
class NotificationStreams implements SmartLifecycle {

    static final long RECONNECT_MILLIS = 3000;
    /** A user's streams on one replica; a further one ends the oldest (a tab left open, a reconnect not yet noticed). */
    static final int MAX_STREAMS_PER_USER = 5;
    private final Map<Long, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final NotificationProperties properties;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    NotificationStreams(NotificationProperties properties) {
        this.properties = properties;
    }

    /** A stream for the user; {@code catchUp} gives what it missed and runs after it is registered for live ones. */
    SseEmitter open(long userId, Supplier<List<Notification>> catchUp) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(userId, emitter, opened.incrementAndGet());
        // compute, like remove's computeIfPresent, is atomic per user: a stream never lands in a set just dropped
        Set<Subscriber> mine = byUser.compute(userId, (id, set) -> {
            Set<Subscriber> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
            streams.add(subscriber);
            return streams;
        });
        if (mine.size() > MAX_STREAMS_PER_USER) {
            mine.stream().min(Comparator.comparingLong(s -> s.sequence)).ifPresent(oldest -> {
                remove(oldest);
                oldest.emitter.complete();
            });
        }
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> remove(subscriber));
        emitter.onError(e -> remove(subscriber));
        // the first bytes go out at once: the client sees an open stream before anything happens
        subscriber.comment("connected", true);
        subscriber.caughtUp(catchUp.get());
        return emitter;
    }

    /** A committed notification, from any replica: to every open stream of its user here. */
    void deliver(Notification notification) {
        Set<Subscriber> subscribers = byUser.get(notification.userId());
        if (subscribers != null) {
            subscribers.forEach(s -> s.offer(notification));
        }
    }

    int openStreams() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(Subscriber subscriber) {
        byUser.computeIfPresent(subscriber.userId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    private void heartbeat() {
        byUser.values().forEach(set -> set.forEach(s -> s.comment("heartbeat", false)));
    }

    @Override
    public void start() {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Before the web server's graceful shutdown waits for open requests: end the streams so it need not wait. */
    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        byUser.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
        byUser.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Subscriber {

        final long userId;
        final SseEmitter emitter;
        final long sequence;
        private List<Notification> pending = new ArrayList<>();

        Subscriber(long userId, SseEmitter emitter, long sequence) {
            this.userId = userId;
            this.emitter = emitter;
            this.sequence = sequence;
        }

        synchronized void offer(Notification notification) {
            if (pending != null) {
                pending.add(notification);
            } else {
                send(notification);
            }
        }

        synchronized void caughtUp(List<Notification> missed) {
            Set<Long> sent = new HashSet<>();
            for (Notification n : missed) {
                sent.add(n.id());
                send(n);
            }
            for (Notification n : pending) {
                if (sent.add(n.id())) {
                    send(n);
                }
            }
            pending = null;
        }

        synchronized void comment(String text, boolean withRetry) {
            SseEmitter.SseEventBuilder event = SseEmitter.event().comment(text);
            if (withRetry) {
                event.reconnectTime(RECONNECT_MILLIS);
            }
            write(event);
        }

        private void send(Notification n) {
            write(SseEmitter.event().id(Long.toString(n.id())).name(n.type()).data(n.view(), MediaType.APPLICATION_JSON));
        }

        private void write(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                // the client went away: forget the stream (the servlet container completes it)
                remove(this);
            }
        }
    }
}
