package io.tongbao.common.tracing;

import java.util.Set;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/**
 * Leaves out observations that would only add noise to the traces: scrapes and probes of /actuator, and the
 * scheduled rounds that run every few seconds (the outbox relay, the gauge refresh). Their metrics are unaffected
 * for the HTTP ones; scheduled rounds simply have no span.
 */
public final class QuietObservations implements ObservationPredicate {

    static final String SCHEDULED = "tasks.scheduled.execution";
    private final Set<String> quietScheduledClasses;

    public QuietObservations(Set<String> quietScheduledClasses) {
        this.quietScheduledClasses = Set.copyOf(quietScheduledClasses);
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        if (SCHEDULED.equals(name)) {
            return !(context instanceof org.springframework.scheduling.support.ScheduledTaskObservationContext task
                    && quietScheduledClasses.contains(task.getTargetClass().getName()));
        }
        String path = RequestPaths.of(context);
        return path == null || !isActuator(path);
    }

    static boolean isActuator(String path) {
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }
}
