package io.tongbao.learning.course;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.money.Money;
import io.tongbao.learning.api.CourseView;
import io.tongbao.learning.api.LearningInternalApi;

/** The course catalog: public GET /api/learning/courses, and the internal lookup other services use. */
@RestController
class CourseController implements LearningInternalApi {

    private final CourseMapper courses;

    CourseController(CourseMapper courses) {
        this.courses = courses;
    }

    @GetMapping("/api/learning/courses")
    List<CourseView> courses() {
        return courses.selectList(new LambdaQueryWrapper<Course>().eq(Course::getStatus, "PUBLISHED")
                .orderByAsc(Course::getId)).stream().map(CourseController::view).toList();
    }

    @Override
    public CourseView course(long courseId) {
        Course course = courses.selectById(courseId);
        if (course == null) {
            throw ApiException.notFound("COURSE_NOT_FOUND", "No course " + courseId);
        }
        return view(course);
    }

    private static CourseView view(Course c) {
        return new CourseView(c.getId(), c.getName(), Money.toYuan(c.getPriceFen()), Money.CNY, c.getCharge());
    }
}
