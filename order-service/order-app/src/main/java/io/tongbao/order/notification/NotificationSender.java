package io.tongbao.order.notification;

/**
 * Tells the user outside the suite (an SMS, a WeChat template message). Called once per notification, after it is
 * committed; a failure here never undoes the notification. A real channel is one implementation of this.
 */
public interface NotificationSender {

    void send(Notification notification);
}
