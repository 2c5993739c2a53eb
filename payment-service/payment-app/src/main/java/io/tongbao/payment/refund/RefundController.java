package io.tongbao.payment.refund;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.common.web.Page;

/** Refunds (ADMIN only): POST /api/payment/refunds, GET one, the list, and a retry of a FAILED one. */
@RestController
class RefundController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> KINDS = Set.of("REQUESTED", "LATE_PAYMENT", "DUPLICATE_PAYMENT");
    private static final Set<String> STATUSES = Set.of("PROCESSING", "SUCCESS", "FAILED");
    private final RefundService service;
    private final RefundResults results;
    private final RefundMapper refunds;

    RefundController(RefundService service, RefundResults results, RefundMapper refunds) {
        this.service = service;
        this.results = results;
        this.refunds = refunds;
    }

    record RefundRequestBody(String orderNo, String amount, String reason) {
    }

    @PostMapping("/api/payment/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    RefundView create(@RequestBody RefundRequestBody body, Caller caller) {
        admin(caller);
        if (body == null || body.orderNo() == null || !body.orderNo().matches("[0-9]{1,32}") || body.amount() == null) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "orderNo and amount (\"5.00\") are required");
        }
        if (body.reason() != null && body.reason().length() > 256) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "reason is at most 256 characters");
        }
        return RefundView.of(service.request(body.orderNo(), body.amount(), body.reason()));
    }

    @GetMapping("/api/payment/refunds/{refundNo}")
    RefundView get(@PathVariable("refundNo") String refundNo, Caller caller) {
        admin(caller);
        Refund refund = results.find(refundNo);
        if (refund == null) {
            throw ApiException.notFound("REFUND_NOT_FOUND", "No refund " + refundNo);
        }
        return RefundView.of(refund);
    }

    @GetMapping("/api/payment/refunds")
    Page<RefundView> list(@RequestParam(name = "orderNo", required = false) String orderNo,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "size", defaultValue = "20") int size, Caller caller) {
        admin(caller);
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE || (kind != null && !KINDS.contains(kind))
                || (status != null && !STATUSES.contains(status))) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "page >= 1, size 1.." + MAX_PAGE_SIZE
                    + ", kind one of " + KINDS + ", status one of " + STATUSES);
        }
        LambdaQueryWrapper<Refund> matching = new LambdaQueryWrapper<Refund>()
                .eq(orderNo != null, Refund::getOrderNo, orderNo).eq(kind != null, Refund::getKind, kind)
                .eq(status != null, Refund::getStatus, status);
        long total = refunds.selectCount(matching);
        List<RefundView> items = total == 0 ? List.of() : refunds.selectList(matching.orderByDesc(Refund::getId)
                .last("LIMIT " + size + " OFFSET " + (long) (page - 1) * size)).stream().map(RefundView::of).toList();
        return new Page<>(items, page, size, total);
    }

    @PostMapping("/api/payment/refunds/{refundNo}/retry")
    RefundView retry(@PathVariable("refundNo") String refundNo, Caller caller) {
        admin(caller);
        return RefundView.of(service.retry(refundNo));
    }

    private static void admin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "Refunds are for ADMIN only");
        }
    }
}
