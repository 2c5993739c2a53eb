package io.tongbao.payment.channel;

/** What a close at the provider found. */
public enum CloseResult {
    /** The trade was waiting and is closed now. */
    CLOSED,
    /** The provider never had it (e.g. a page payment nobody opened). */
    NOT_EXIST,
    /** It is no longer waiting: paid, most likely, so the caller queries it and applies the answer. */
    NOT_WAITING
}
