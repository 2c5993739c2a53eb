package io.tongbao.payment.refund;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/** Refunds change state only by compare-and-set; what an order's payment has refunded is reserved by a guarded update. */
@Mapper
interface RefundMapper extends BaseMapper<Refund> {

    /** Reserves {@code fen} of what the payment paid for the order; 0 when that would exceed it. */
    @Update("UPDATE pay_attempt_order SET refunded_fen = refunded_fen + #{fen} WHERE pay_no = #{payNo} "
            + "AND order_no = #{orderNo} AND refunded_fen + #{fen} <= amount_fen")
    int reserve(@Param("payNo") String payNo, @Param("orderNo") String orderNo, @Param("fen") long fen);

    /** Gives back a reservation of a refund that failed or was withdrawn before any money moved. */
    @Update("UPDATE pay_attempt_order SET refunded_fen = refunded_fen - #{fen} WHERE pay_no = #{payNo} "
            + "AND order_no = #{orderNo} AND refunded_fen >= #{fen}")
    int release(@Param("payNo") String payNo, @Param("orderNo") String orderNo, @Param("fen") long fen);

    @Select("SELECT channel FROM pay_attempt WHERE pay_no = #{payNo} AND status = 'SUCCESS'")
    String channelOf(@Param("payNo") String payNo);

    @Select("SELECT user_id FROM pay_attempt WHERE pay_no = #{payNo}")
    Long userOf(@Param("payNo") String payNo);

    @Select("SELECT amount_fen FROM pay_attempt_order WHERE pay_no = #{payNo} AND order_no = #{orderNo}")
    Long paidFor(@Param("payNo") String payNo, @Param("orderNo") String orderNo);

    @Select("SELECT refunded_fen FROM pay_attempt_order WHERE pay_no = #{payNo} AND order_no = #{orderNo}")
    Long refundedFor(@Param("payNo") String payNo, @Param("orderNo") String orderNo);

    @Update("UPDATE refund SET status = 'SUCCESS', succeeded_at = #{at}, provider_refund_no = #{providerNo} "
            + "WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int processingToSuccess(@Param("refundNo") String refundNo, @Param("providerNo") String providerNo,
            @Param("at") Instant at);

    @Update("UPDATE refund SET status = 'FAILED', failure_reason = #{why} WHERE refund_no = #{refundNo} "
            + "AND status = 'PROCESSING'")
    int processingToFailed(@Param("refundNo") String refundNo, @Param("why") String why);

    @Update("UPDATE refund SET status = 'PROCESSING', failure_reason = NULL WHERE refund_no = #{refundNo} "
            + "AND status = 'FAILED'")
    int failedToProcessing(@Param("refundNo") String refundNo);

    /** Withdraws a refund that never reached the provider (its coins could not be taken back). */
    @Update("DELETE FROM refund WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int withdraw(@Param("refundNo") String refundNo);

    @Insert("INSERT IGNORE INTO refund (id, refund_no, pay_no, order_no, user_id, channel, kind, amount_fen, reason, "
            + "status, auto_key) VALUES (#{r.id}, #{r.refundNo}, #{r.payNo}, #{r.orderNo}, #{r.userId}, #{r.channel}, "
            + "#{r.kind}, #{r.amountFen}, #{r.reason}, 'PROCESSING', #{r.autoKey})")
    int insertOnce(@Param("r") Refund refund);

    @Select("SELECT refund_no FROM refund WHERE status = 'PROCESSING' AND created_at < #{before} ORDER BY id LIMIT #{limit}")
    List<String> staleProcessing(@Param("before") Instant before, @Param("limit") int limit);
}
