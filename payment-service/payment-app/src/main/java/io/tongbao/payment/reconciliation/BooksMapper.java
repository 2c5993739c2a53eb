package io.tongbao.payment.reconciliation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Reads our attempts and refunds for reconciliation, read-only: their own mappers (attempt/, refund/) remain the
 * only writers of those tables.
 */
@Mapper
interface BooksMapper {

    String PAYMENT = "SELECT pay_no AS payNo, status, amount_fen AS amountFen, paid_at AS paidAt FROM pay_attempt ";
    String REFUND = "SELECT refund_no AS refundNo, pay_no AS payNo, status, amount_fen AS amountFen, "
            + "succeeded_at AS succeededAt FROM refund ";

    @Select(PAYMENT + "WHERE channel = #{channel} AND status = 'SUCCESS' AND paid_at >= #{from} AND paid_at < #{until}")
    List<Books.Payment> paymentsWithin(@Param("channel") String channel, @Param("from") Instant from,
            @Param("until") Instant until);

    @Select("<script>" + PAYMENT + "WHERE channel = #{channel} AND pay_no IN "
            + "<foreach item='no' collection='payNos' open='(' separator=',' close=')'>#{no}</foreach></script>")
    List<Books.Payment> payments(@Param("channel") String channel, @Param("payNos") Collection<String> payNos);

    @Select(REFUND + "WHERE channel = #{channel} AND status = 'SUCCESS' AND succeeded_at >= #{from} "
            + "AND succeeded_at < #{until}")
    List<Books.Refund> refundsWithin(@Param("channel") String channel, @Param("from") Instant from,
            @Param("until") Instant until);

    @Select("<script>" + REFUND + "WHERE channel = #{channel} AND refund_no IN "
            + "<foreach item='no' collection='refundNos' open='(' separator=',' close=')'>#{no}</foreach></script>")
    List<Books.Refund> refunds(@Param("channel") String channel, @Param("refundNos") Collection<String> refundNos);
}
