package io.tongbao.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.ServiceContractTests;
import tools.jackson.databind.JsonNode;

/** learning-service on the real parts: a fresh MariaDB schema, Redis, the embedded broker and a Seata coordinator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "learning", seata = true)
class LearningApplicationIT extends ServiceContractTests {

    @Autowired
    LearningApplicationIT(JdbcTemplate jdbc, @Value("${local.server.port}") int port) {
        super(jdbc, port, "learning");
    }

    @Test
    void servesTheSeededCourses() {
        JsonNode courses = json(http("/api/learning/courses"));
        assertThat(courses).hasSize(3);
        assertThat(courses.get(0).get("charge").asString()).isEqualTo("FREE");
        assertThat(courses.get(0).get("price").asString()).isEqualTo("0.00");
        assertThat(courses.get(1).get("charge").asString()).isEqualTo("PAID");
        assertThat(courses.get(1).get("price").asString()).isEqualTo("199.00");
    }
}
