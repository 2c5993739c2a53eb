package io.tongbao.order.checkout;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
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
}
