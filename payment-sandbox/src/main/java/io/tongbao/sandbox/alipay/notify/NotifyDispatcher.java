package io.tongbao.sandbox.alipay.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers notifies in the background with Alipay's retry behaviour: the first attempt at once, then one retry after
 * each configured interval until the merchant answers {@code success}; the same parameters (and notify_id) each time.
 */
@Component
public class NotifyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotifyDispatcher.class);

    private final NotifySender sender;
    private final NotifySigner signer;
    private final List<Duration> retryIntervals;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "alipay-notify");
        thread.setDaemon(true);
        return thread;
    });

    public NotifyDispatcher(NotifySender sender, NotifySigner signer, NotifyProperties properties) {
        this.sender = sender;
        this.signer = signer;
        this.retryIntervals = properties.retryIntervals();
    }

    public void dispatch(Notify notify) {
        scheduler.execute(() -> attempt(notify, 0));
    }

    /** One synchronous delivery, outside the retry schedule (test hooks). */
    public Delivery deliverOnce(Notify notify) {
        return sender.post(notify.url(), signer.sign(notify.params()));
    }

    private void attempt(Notify notify, int retriesDone) {
        Delivery delivery = deliverOnce(notify);
        if (delivery.acknowledged()) {
            return;
        }
        if (retriesDone >= retryIntervals.size()) {
            log.warn("giving up notify {} to {} after {} deliveries", notify.notifyId(), notify.url(), retriesDone + 1);
            return;
        }
        Duration wait = retryIntervals.get(retriesDone);
        log.info("notify {} answered {} {}; retrying in {}", notify.notifyId(), delivery.status(),
                abbreviate(delivery.body()), wait);
        scheduler.schedule(() -> attempt(notify, retriesDone + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 80 ? body : body.substring(0, 80) + "…";
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
