package io.tongbao.payment.attempt;

import java.util.HashSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    static final int MAX_ORDERS = 20;

    /** {@code orderNo} for one order, or {@code orderNos} for several UNPAID orders of the caller in one payment. */
    record CreatePayment(String orderNo, List<String> orderNos, String channel, String mode, String openId) {

        List<String> orders() {
            if (orderNos == null || orderNos.isEmpty()) {
                return orderNo == null ? List.of() : List.of(orderNo);
            }
            if (orderNo != null && !orderNos.contains(orderNo)) {
                throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "orderNo must be one of orderNos");
            }
            return orderNos;
        }
    }

    @PostMapping("/api/payment/payments")
    @ResponseStatus(HttpStatus.CREATED)
    PaymentView create(@RequestBody CreatePayment request, Caller caller,
            @RequestHeader(name = Caller.CLIENT_IP_HEADER, required = false) String clientIp) {
        if (request == null || request.channel() == null || request.mode() == null) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "orderNo (or orderNos), channel and mode are required");
        }
        List<String> orderNos = request.orders();
        if (orderNos.isEmpty() || orderNos.size() > MAX_ORDERS || new HashSet<>(orderNos).size() != orderNos.size()) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
                    "a payment needs 1.." + MAX_ORDERS + " distinct orders");
        }
        return service.create(new PaymentService.Payer(caller.userId(), request.channel(), request.mode(),
                request.openId(), clientIp), orderNos);
    }

    @GetMapping("/api/payment/payments/{payNo}")
    PaymentView get(@PathVariable("payNo") String payNo, Caller caller) {
        return service.get(caller.userId(), payNo);
    }
}
