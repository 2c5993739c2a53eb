package io.tongbao.learning.choose;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;

/** POST /api/learning/choose-courses and GET /api/learning/my-courses. */
@RestController
class ChooseController {

    private final ChooseService service;

    ChooseController(ChooseService service) {
        this.service = service;
    }

    record ChooseRequest(String courseId) {
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
    List<ChooseService.MyCourse> myCourses(Caller caller) {
        return service.myCourses(caller.userId());
    }

}
