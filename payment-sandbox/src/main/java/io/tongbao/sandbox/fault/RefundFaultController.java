package io.tongbao.sandbox.fault;

import java.time.Duration;
import java.util.Map;

import io.tongbao.sandbox.fault.RefundFault.Mode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test hooks: arm refund faults for a channel, or disarm them all. */
@RestController
@RequestMapping("/sandbox/{channel}/refund-faults")
class RefundFaultController {

    static final long DEFAULT_DELAY_MS = 12_000;
    // long enough for any client timeout, short enough that a held request thread comes back, and well inside the
    // five minutes a WeChat Pay SDK allows between a response's timestamp and its arrival
    static final long MAX_DELAY_MS = 120_000;
    static final int MAX_TIMES = 1_000;

    private final RefundFaults faults;

    RefundFaultController(RefundFaults faults) {
        this.faults = faults;
    }

    @PostMapping
    Map<String, Integer> arm(@PathVariable String channel, @RequestBody ArmRequest request) {
        int times = request.times() == null ? 1 : request.times();
        if (times < 1 || times > MAX_TIMES) {
            throw new IllegalArgumentException("times must be between 1 and " + MAX_TIMES);
        }
        return Map.of("armed", faults.arm(channelOf(channel), request.fault(), times));
    }

    @DeleteMapping
    ResponseEntity<Void> disarm(@PathVariable String channel) {
        faults.disarm(channelOf(channel));
        return ResponseEntity.noContent().build();
    }

    private static Channel channelOf(String segment) {
        return Channel.of(segment).orElseThrow(() -> new UnknownChannel(segment));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_FAULT");
        return problem;
    }

    @ExceptionHandler(UnknownChannel.class)
    ProblemDetail unknown(UnknownChannel e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setProperty("code", "UNKNOWN_CHANNEL");
        return problem;
    }

    /** @param delayMs DELAY only (ignored for REFUSE); {@value #DEFAULT_DELAY_MS} when absent */
    record ArmRequest(String mode, Integer times, Long delayMs, String outTradeNo) {

        RefundFault fault() {
            Mode parsed = parseMode();
            long delay = delayMs == null ? DEFAULT_DELAY_MS : delayMs;
            if (parsed == Mode.DELAY && (delay < 0 || delay > MAX_DELAY_MS)) {
                throw new IllegalArgumentException("delayMs must be between 0 and " + MAX_DELAY_MS);
            }
            String trade = outTradeNo == null || outTradeNo.isBlank() ? null : outTradeNo;
            return new RefundFault(parsed, Duration.ofMillis(delay), trade);
        }

        private Mode parseMode() {
            try {
                return Mode.valueOf(String.valueOf(mode));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode must be DELAY or REFUSE, not " + mode);
            }
        }
    }

    static final class UnknownChannel extends RuntimeException {
        UnknownChannel(String segment) {
            super("no such channel: " + segment);
        }
    }
}
