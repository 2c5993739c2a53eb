package io.tongbao.learning.choose;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.learning.course.CourseCatalog;

/** POST /api/learning/choose-courses and GET /api/learning/my-courses. */
@RestController
class ChooseController {

    private final ChooseService service;
    private final CourseCatalog courses;

    ChooseController(ChooseService service, CourseCatalog courses) {
        this.service = service;
        this.courses = courses;
    }

    record ChooseRequest(String courseId) {
    }

    record MyCourse(long courseId, String name, String source, java.time.OffsetDateTime enrolledAt) {
    }

    @PostMapping("/api/learning/choose-courses")
    @ResponseStatus(HttpStatus.CREATED)
    ChooseService.Choice choose(@RequestBody ChooseRequest request, Caller caller) {
        if (request == null || request.courseId() == null || !request.courseId().matches("[1-9]\\d{0,18}")) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "courseId must be a course id");
        }
        return service.choose(caller.userId(), Long.parseLong(request.courseId()));
    }

    @GetMapping("/api/learning/my-courses")
    List<MyCourse> myCourses(Caller caller) {
        return service.myCourses(caller.userId()).stream().map(this::view).toList();
    }

    private MyCourse view(Map<String, Object> row) {
        long courseId = ((Number) row.get("course_id")).longValue();
        Object enrolledAt = row.get("enrolled_at");
        java.time.Instant at = enrolledAt instanceof Timestamp t ? t.toInstant()
                : ((java.time.LocalDateTime) enrolledAt).toInstant(ZoneOffset.UTC);
        return new MyCourse(courseId, courses.published(courseId).getName(), (String) row.get("source"),
                at.atOffset(ZoneOffset.ofHours(8)));
    }
}
