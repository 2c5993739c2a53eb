package io.tongbao.learning.course;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface CourseMapper extends BaseMapper<Course> {
}
