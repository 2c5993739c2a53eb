package io.tongbao.payment.attempt;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;

/** POST /api/payment/payments and GET /api/payment/payments/{payNo}. */
@RestController
class PaymentController {

    private final PaymentService service;

    PaymentController(PaymentService service) {
        this.service = service;
    }

    record CreatePayment(String orderNo, String channel, String mode) {
    }

    @PostMapping("/api/payment/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentView create(@RequestBody CreatePayment request, Caller caller) {
        if (request == null || request.channel() == null || request.mode() == null) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "orderNo, channel and mode are required");
        }
        return service.create(caller.userId(), request.orderNo(), request.channel(), request.mode());
    }

    @GetMapping("/api/payment/payments/{payNo}")
    PaymentView get(@PathVariable("payNo") String payNo, Caller caller) {
        return service.get(caller.userId(), payNo);
    }
}
