package io.tongbao.payment.attempt;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/** Attempts change state only by compare-and-set. */
@Mapper
interface PayAttemptMapper extends BaseMapper<PayAttempt> {

    /**
     * PENDING (or CLOSED or FAILED, when the provider still took the money) → SUCCESS. A success is never dropped: an
     * attempt closed or given up that was paid after all becomes SUCCESS, and its order decides what to do with a
     * late payment.
     */
    @Update("UPDATE pay_attempt SET status = 'SUCCESS', provider_trade_no = #{tradeNo}, paid_at = #{paidAt} "
            + "WHERE pay_no = #{payNo} AND status IN ('PENDING', 'CLOSED', 'FAILED')")
    int updateToSuccess(@Param("payNo") String payNo, @Param("tradeNo") String tradeNo, @Param("paidAt") Instant paidAt);

    @Update("UPDATE pay_attempt SET status = 'CLOSED', closed_at = #{closedAt} WHERE pay_no = #{payNo} AND status = 'PENDING'")
    int updatePendingToClosed(@Param("payNo") String payNo, @Param("closedAt") Instant closedAt);

    /** What the provider handed out for the payer, kept while the attempt is still PENDING (never over a close). */
    @Update("UPDATE pay_attempt SET pay_url = #{codeUrl}, h5_url = #{h5Url} WHERE pay_no = #{payNo} AND status = 'PENDING'")
    int updateCheckout(@Param("payNo") String payNo, @Param("codeUrl") String codeUrl, @Param("h5Url") String h5Url);

    /** PENDING → FAILED when the provider refused to create the trade (or could not be reached). */
    @Update("UPDATE pay_attempt SET status = 'FAILED', closed_at = #{at} WHERE pay_no = #{payNo} AND status = 'PENDING'")
    int updatePendingToFailed(@Param("payNo") String payNo, @Param("at") Instant at);

    @Insert("INSERT INTO pay_attempt_order (pay_no, order_no, amount_fen) VALUES (#{payNo}, #{orderNo}, #{amountFen})")
    void insertOrder(@Param("payNo") String payNo, @Param("orderNo") String orderNo, @Param("amountFen") long amountFen);

    @Select("SELECT order_no AS orderNo, amount_fen AS amountFen FROM pay_attempt_order WHERE pay_no = #{payNo} ORDER BY order_no")
    List<AttemptOrder> ordersOf(@Param("payNo") String payNo);

    @Select("SELECT a.pay_no FROM pay_attempt a JOIN pay_attempt_order o ON o.pay_no = a.pay_no "
            + "WHERE o.order_no = #{orderNo} AND a.status = 'PENDING'")
    List<String> pendingPayNosOf(@Param("orderNo") String orderNo);

    @Select("SELECT pay_no AS payNo, channel FROM pay_attempt WHERE status = 'PENDING' AND created_at < #{before} "
            + "ORDER BY id LIMIT #{limit}")
    List<StaleAttempt> stalePending(@Param("before") Instant before, @Param("limit") int limit);

    /** A PENDING attempt old enough to ask its provider about. */
    record StaleAttempt(String payNo, String channel) {
    }

    /** A line of pay_attempt_order. */
    record AttemptOrder(String orderNo, Long amountFen) {
    }
}
