package io.tongbao.payment.reconciliation;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The stored result of each channel's day, and its differences. A run moves RUNNING → its outcome by compare-and-set. */
@Mapper
interface ReconciliationMapper {

    /** Starts a run: a new day's row, or an earlier result of the same day set back to RUNNING. */
    @Insert("INSERT INTO reconciliation (channel, bill_date, status, started_at) VALUES (#{channel}, #{day}, "
            + "'RUNNING', #{at}) ON DUPLICATE KEY UPDATE status = 'RUNNING', started_at = #{at}, finished_at = NULL, "
            + "failure_reason = NULL")
    void start(@Param("channel") String channel, @Param("day") String day, @Param("at") Instant at);

    @Update("UPDATE reconciliation SET status = #{r.status}, our_count = #{r.ourCount}, "
            + "provider_count = #{r.providerCount}, our_amount_fen = #{r.ourAmountFen}, "
            + "provider_amount_fen = #{r.providerAmountFen}, finished_at = #{at} "
            + "WHERE channel = #{channel} AND bill_date = #{day} AND status = 'RUNNING'")
    int finish(@Param("channel") String channel, @Param("day") String day, @Param("r") Outcome outcome,
            @Param("at") Instant at);

    @Update("UPDATE reconciliation SET status = 'FAILED', failure_reason = #{why}, finished_at = #{at} "
            + "WHERE channel = #{channel} AND bill_date = #{day} AND status = 'RUNNING'")
    int fail(@Param("channel") String channel, @Param("day") String day, @Param("why") String why,
            @Param("at") Instant at);

    @Select("SELECT channel, DATE_FORMAT(bill_date, '%Y-%m-%d') AS day, status, our_count AS ourCount, "
            + "provider_count AS providerCount, our_amount_fen AS ourAmountFen, "
            + "provider_amount_fen AS providerAmountFen, failure_reason AS failureReason "
            + "FROM reconciliation WHERE channel = #{channel} AND bill_date = #{day}")
    Stored find(@Param("channel") String channel, @Param("day") String day);

    @Delete("DELETE FROM reconciliation_difference WHERE channel = #{channel} AND bill_date = #{day}")
    void clearDifferences(@Param("channel") String channel, @Param("day") String day);

    @Insert("INSERT INTO reconciliation_difference (channel, bill_date, seq, kind, out_trade_no, refund_no, ours, "
            + "theirs, resolution) VALUES (#{channel}, #{day}, #{seq}, #{d.kind}, #{d.outTradeNo}, #{d.refundNo}, "
            + "#{d.ours}, #{d.theirs}, #{d.resolution})")
    void insertDifference(@Param("channel") String channel, @Param("day") String day, @Param("seq") int seq,
            @Param("d") Difference difference);

    @Select("SELECT kind, out_trade_no AS outTradeNo, refund_no AS refundNo, ours, theirs, resolution "
            + "FROM reconciliation_difference WHERE channel = #{channel} AND bill_date = #{day} ORDER BY seq")
    List<Difference> differences(@Param("channel") String channel, @Param("day") String day);

    /** What a finished run found. */
    record Outcome(String status, int ourCount, int providerCount, long ourAmountFen, long providerAmountFen) {
    }

    /** A stored run. */
    record Stored(String channel, String day, String status, int ourCount, int providerCount, long ourAmountFen,
            long providerAmountFen, String failureReason) {
    }
}
