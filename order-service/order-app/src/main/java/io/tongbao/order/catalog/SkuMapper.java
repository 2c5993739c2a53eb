package io.tongbao.order.catalog;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface SkuMapper extends BaseMapper<Sku> {
}
