package io.tongbao.sandbox.fault;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.sandbox.money.Yuan;

/**
 * Test hooks for reconciliation: {@code POST /sandbox/{channel}/bill-differences} with
 * {@code {"kind":"UNANSWERED_PAYMENT","outTradeNo"}} (then pay it with {@code ?notify=false}),
 * {@code {"kind":"OUTSIDE_REFUND","outTradeNo","refundNo","amount"}} or
 * {@code {"kind":"BILLED_AMOUNT","outTradeNo","amount"}}.
 */
@RestController
@RequestMapping("/sandbox/{channel}/bill-differences")
class BillDifferenceController {

    private final BillDifferences differences;
    private final Clock clock;

    BillDifferenceController(BillDifferences differences, Clock clock) {
        this.differences = differences;
        this.clock = clock;
    }

    record DifferenceRequest(String kind, String outTradeNo, String refundNo, String amount) {
    }

    @PostMapping
    Map<String, String> make(@PathVariable String channel, @RequestBody DifferenceRequest request) {
        Channel of = Channel.of(channel).orElseThrow(() -> new RefundFaultController.UnknownChannel(channel));
        String outTradeNo = required(request.outTradeNo(), "outTradeNo");
        switch (String.valueOf(request.kind())) {
            case "UNANSWERED_PAYMENT" -> differences.hideFromQuery(of, outTradeNo);
            case "BILLED_AMOUNT" -> differences.billAt(of, outTradeNo, fen(request.amount()));
            case "OUTSIDE_REFUND" -> differences.refundOutside(of, outTradeNo, new BillDifferences.OutsideRefund(
                    required(request.refundNo(), "refundNo"), fen(request.amount()), clock.instant()));
            default -> throw new IllegalArgumentException(
                    "kind must be UNANSWERED_PAYMENT, OUTSIDE_REFUND or BILLED_AMOUNT, not " + request.kind());
        }
        return Map.of("kind", request.kind(), "outTradeNo", outTradeNo);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static long fen(String amount) {
        long fen = Yuan.toFen(required(amount, "amount"));
        if (fen <= 0) {
            throw new IllegalArgumentException("amount must be above zero");
        }
        return fen;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_DIFFERENCE");
        return problem;
    }

    @ExceptionHandler(RefundFaultController.UnknownChannel.class)
    ProblemDetail unknown(RefundFaultController.UnknownChannel e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setProperty("code", "UNKNOWN_CHANNEL");
        return problem;
    }
}
