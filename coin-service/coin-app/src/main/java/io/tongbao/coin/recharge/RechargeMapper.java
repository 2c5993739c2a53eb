package io.tongbao.coin.recharge;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

/** Each recharge state change is a compare-and-set from the state it expects. */
@Mapper
interface RechargeMapper extends BaseMapper<Recharge> {

    @Update("UPDATE recharge SET order_no = #{orderNo} WHERE id = #{id} AND order_no IS NULL")
    int attachOrder(@Param("id") long id, @Param("orderNo") String orderNo);

    @Update("UPDATE recharge SET status = 'PAID', paid_at = #{paidAt} WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int updateUnpaidToPaid(@Param("orderNo") String orderNo, @Param("paidAt") Instant paidAt);

    @Update("UPDATE recharge SET status = 'CLOSED' WHERE order_no = #{orderNo} AND status = 'UNPAID'")
    int updateUnpaidToClosed(@Param("orderNo") String orderNo);

    @Update("UPDATE recharge SET status = 'REFUNDED' WHERE order_no = #{orderNo} AND status = 'PAID'")
    int updatePaidToRefunded(@Param("orderNo") String orderNo);
}
