package io.tongbao.payment.channel;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface PayChannelMapper extends BaseMapper<PayChannel> {
}
