package io.tongbao.starter.deadletter;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongbao.ops.service}: the service's path segment ({@code order}, {@code payment}, …), which turns the
 * endpoints on. {@code tongbao.ops.dead-letters.groups}: the consumer groups to look at (default: every listener
 * of this process); {@code limit}: the newest dead letters read per queue.
 */
@ConfigurationProperties("tongbao.ops")
public record DeadLetterProperties(String service, DeadLetters deadLetters) {

    public DeadLetterProperties {
        deadLetters = deadLetters == null ? new DeadLetters(List.of(), 100) : deadLetters;
    }

    public record DeadLetters(List<String> groups, Integer limit) {

        public DeadLetters {
            groups = groups == null ? List.of() : List.copyOf(groups);
            limit = limit == null || limit < 1 ? 100 : limit;
        }
    }
}
