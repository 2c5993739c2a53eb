package io.tongbao.order.checkout;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/** Every state change is a named compare-and-set: it changes a row only from the state it expects. */
@Mapper
public interface OrderMapper extends BaseMapper<Order> {

    @Update("UPDATE orders SET status = 'PAID', paid_amount_fen = #{paidFen}, paid_at = #{paidAt}, pay_no = #{payNo} "
            + "WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int updateUnpaidToPaid(@Param("orderNo") String orderNo, @Param("paidFen") long paidFen,
            @Param("paidAt") Instant paidAt, @Param("payNo") String payNo);

    @Update("UPDATE orders SET status = 'CLOSED', closed_at = #{closedAt} "
            + "WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int updateUnpaidToClosed(@Param("orderNo") String orderNo, @Param("closedAt") Instant closedAt);

    /**
     * Adds a refund of the payment that paid the order: PAID | PARTIALLY_REFUNDED → PARTIALLY_REFUNDED, or REFUNDED
     * when the refunds reach what was paid; never beyond it. MariaDB assigns left to right, so the status is set
     * first, from the refunded amount as it was before this refund.
     */
    @Update("UPDATE orders SET status = CASE WHEN refunded_amount_fen + #{refundFen} = paid_amount_fen "
            + "THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END, refunded_amount_fen = refunded_amount_fen + #{refundFen} "
            + "WHERE order_no = #{orderNo} AND pay_no = #{payNo} AND status IN ('PAID', 'PARTIALLY_REFUNDED') "
            + "AND #{refundFen} > 0 AND refunded_amount_fen + #{refundFen} <= paid_amount_fen")
    int updatePaidToRefunded(@Param("orderNo") String orderNo, @Param("payNo") String payNo,
            @Param("refundFen") long refundFen);

    /** The order as committed now (a locking read, not the transaction's snapshot); null when there is none. */
    @Select("SELECT * FROM orders WHERE order_no = #{orderNo} FOR UPDATE")
    Order lockByOrderNo(@Param("orderNo") String orderNo);
}
