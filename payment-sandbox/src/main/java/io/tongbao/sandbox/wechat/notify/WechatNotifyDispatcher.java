package io.tongbao.sandbox.wechat.notify;

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
 * Delivers notifications in the background with WeChat Pay's retry behaviour: the first attempt at once, then one
 * retry after each configured interval until the merchant answers 2xx; the same notification id each time.
 */
@Component
public class WechatNotifyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WechatNotifyDispatcher.class);

    private final WechatNotifySender sender;
    private final List<Duration> retryIntervals;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "wechat-notify");
        thread.setDaemon(true);
        return thread;
    });

    public WechatNotifyDispatcher(WechatNotifySender sender, WechatNotifyProperties properties) {
        this.sender = sender;
        this.retryIntervals = properties.retryIntervals();
    }

    public void dispatch(WechatNotify notify) {
        scheduler.execute(() -> attempt(notify, 0));
    }

    /** One synchronous delivery, outside the retry schedule (test hooks). */
    public WechatDelivery deliverOnce(WechatNotify notify) {
        return sender.deliver(notify);
    }

    private void attempt(WechatNotify notify, int retriesDone) {
        WechatDelivery delivery = sender.deliver(notify);
        if (delivery.acknowledged()) {
            return;
        }
        if (retriesDone >= retryIntervals.size()) {
            log.warn("giving up notify {} to {} after {} deliveries", notify.id(), notify.url(), retriesDone + 1);
            return;
        }
        Duration wait = retryIntervals.get(retriesDone);
        log.info("notify {} answered {}; retrying in {}", notify.id(), delivery.status(), wait);
        scheduler.schedule(() -> attempt(notify, retriesDone + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
