package io.tongbao.payment.channel;

/** How a notify was handled, which decides the provider's answer (and whether it sends it again). */
public enum NotifyHandling {
    /** Recorded, or recorded before (a duplicate), or nothing to record: the provider may stop sending it. */
    ACCEPTED,
    /** Refused: forged, tampered, not ours or not matching our attempt; nothing changed. */
    REFUSED,
    /** We could not record it (database down, …): nothing changed, and the provider must send it again. */
    FAILED
}
