package io.tongbao.learning.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** learning-service's internal contract, for other services only (the gateway never routes /internal/**). */
@FeignClient(name = "learning-service", contextId = "learningInternalApi")
public interface LearningInternalApi {

    @GetMapping("/internal/learning/courses/{courseId}")
    CourseView course(@PathVariable("courseId") long courseId);
}
