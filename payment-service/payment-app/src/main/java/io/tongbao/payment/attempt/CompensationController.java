package io.tongbao.payment.attempt;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops: run a compensation round now instead of waiting for the schedule (internal; the gateway never routes it). */
@RestController
class CompensationController {

    private final PendingCompensation compensation;

    CompensationController(PendingCompensation compensation) {
        this.compensation = compensation;
    }

    @PostMapping("/internal/payment/compensation/run")
    Map<String, Integer> run() {
        return Map.of("settled", compensation.run());
    }
}
