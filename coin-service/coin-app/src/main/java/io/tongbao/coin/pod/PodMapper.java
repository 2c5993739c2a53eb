package io.tongbao.coin.pod;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface PodMapper extends BaseMapper<Pod> {
}
