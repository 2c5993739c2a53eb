package io.tongbao.order.checkout;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface OrderItemMapper extends BaseMapper<OrderItem> {
}
