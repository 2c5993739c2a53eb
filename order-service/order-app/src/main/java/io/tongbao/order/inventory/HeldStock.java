package io.tongbao.order.inventory;

/**
 * Units that were reserved for something other than free stock (a flash sale) before an order took them: when the
 * order's reservation is released they go back to their holder, inside the releasing transaction.
 */
public interface HeldStock {

    /** The order's {@code quantity} units of the holder come back; called once per released line. */
    void released(long holderId, long orderId, int quantity);
}
