package io.tongbao.order.refund;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import io.tongbao.payment.api.event.RefundSucceeded;

/** order_refund: each refund-success once per refund number, with what it did (APPLIED or NOT_APPLIED). */
@Mapper
interface OrderRefundMapper {

    @Select("SELECT COUNT(*) FROM order_refund WHERE refund_no = #{refundNo}")
    int countByRefundNo(@Param("refundNo") String refundNo);

    /** A plain insert: a second record of the same refund fails, and its transaction with it. */
    @Insert("INSERT INTO order_refund (refund_no, order_no, pay_no, kind, amount_fen, outcome) VALUES "
            + "(#{r.refundNo}, #{r.orderNo}, #{r.payNo}, #{r.kind}, #{r.amountFen}, #{outcome})")
    int insert(@Param("r") RefundSucceeded refund, @Param("outcome") String outcome);
}
