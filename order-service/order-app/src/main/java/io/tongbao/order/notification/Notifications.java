package io.tongbao.order.notification;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;

/**
 * One notification per order event: recorded with the event's inbox row in one transaction (a redelivery finds both
 * and adds nothing), then, once committed, pushed to the user's open streams on every replica and handed to the
 * outside sender. A paid GOODS order gets a pickup code; a full refund frees it.
 */
@Service
class Notifications {

    static final String GROUP = "order-service-notifications";
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Inbox inbox;
    private final NotificationStore store;
    private final UseCodes useCodes;
    private final IdGenerator ids;
    private final NotificationBroadcast broadcast;
    private final NotificationSender sender;

    Notifications(Inbox inbox, NotificationStore store, UseCodes useCodes, IdGenerator ids,
            NotificationBroadcast broadcast, NotificationSender sender) {
        this.inbox = inbox;
        this.store = store;
        this.useCodes = useCodes;
        this.ids = ids;
        this.broadcast = broadcast;
        this.sender = sender;
    }

    @Transactional
    public void record(OrderEvent event) {
        if (!inbox.firstDelivery(GROUP, event.eventId())) {
            return;
        }
        String useCode = null;
        if (event.type() == OrderEvent.Type.PAID && event.bizType() == BizType.GOODS) {
            useCode = useCodes.assign(event.orderNo());
        } else if (event.fullyRefunded()) {
            useCodes.release(event.orderNo());
        }
        Notification notification = new Notification(ids.nextId(), event.eventId(), event.userId(),
                NotificationTexts.type(event), event.orderNo(), event.bizType().name(), NotificationTexts.title(event),
                NotificationTexts.body(event, useCode), useCode, Instant.now());
        if (store.insert(notification)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(notification);
                }
            });
        }
    }

    private void announce(Notification notification) {
        try {
            broadcast.publish(notification);
        } catch (RuntimeException e) {
            // the row is kept: an open stream misses it live, and the list (or a reconnect) still shows it
            log.warn("Could not broadcast notification {}: {}", notification.id(), e.toString());
        }
        try {
            sender.send(notification);
        } catch (RuntimeException e) {
            log.warn("Could not send notification {} outside: {}", notification.id(), e.toString());
        }
    }
}
