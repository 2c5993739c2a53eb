package io.tongbao.starter.deadletter;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;

/** Ops (ADMIN): the service's dead letters, and a replay of one to its consumer group. */
@RestController
public class DeadLetterController {

    private final DeadLetterQueues queues;

    public DeadLetterController(DeadLetterQueues queues) {
        this.queues = queues;
    }

    @GetMapping("/api/${tongbao.ops.service}/ops/dead-letters")
    public List<DeadLetter> list(Caller caller) {
        admin(caller);
        return queues.list();
    }

    /** Answers the dead letters replayed (one per group that held the message). */
    @PostMapping("/api/${tongbao.ops.service}/ops/dead-letters/{msgId}/replay")
    public List<DeadLetter> replay(@PathVariable("msgId") String msgId, Caller caller) {
        admin(caller);
        if (!msgId.matches("[0-9A-Fa-f]{1,64}")) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "msgId is a RocketMQ message id (hex)");
        }
        return queues.replay(msgId);
    }

    private static void admin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "Dead letters are for ADMIN only");
        }
    }
}
