package io.tongbao.learning.course;

import org.springframework.stereotype.Component;

import io.tongbao.common.error.ApiException;

/** The published courses other features may enrol in or sell. */
@Component
public class CourseCatalog {

    private final CourseMapper courses;

    CourseCatalog(CourseMapper courses) {
        this.courses = courses;
    }

    /** A published course, or 404 COURSE_NOT_FOUND. */
    public Course published(long courseId) {
        Course course = courses.selectById(courseId);
        if (course == null || !"PUBLISHED".equals(course.getStatus())) {
            throw ApiException.notFound("COURSE_NOT_FOUND", "No course " + courseId);
        }
        return course;
    }
}
