package io.tongbao.coin.recharge;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.coin.api.RechargeView;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.common.money.Money;

/** POST /api/coin/recharges and GET /api/coin/recharges/{rechargeId} (the caller's own only). */
@RestController
class RechargeController {

    private final RechargeService service;

    RechargeController(RechargeService service) {
        this.service = service;
    }

    record CreateRecharge(String podId) {
    }

    @PostMapping("/api/coin/recharges")
    @ResponseStatus(HttpStatus.CREATED)
    RechargeView create(@RequestBody CreateRecharge request, Caller caller) {
        if (request == null || request.podId() == null || !request.podId().matches("[1-9]\\d{0,18}")) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "podId must be a pod id");
        }
        return view(service.create(caller.userId(), Long.parseLong(request.podId())));
    }

    @GetMapping("/api/coin/recharges/{rechargeId}")
    RechargeView get(@PathVariable("rechargeId") long rechargeId, Caller caller) {
        return view(service.mine(caller.userId(), rechargeId));
    }

    static RechargeView view(Recharge r) {
        return new RechargeView(r.getId(), r.getPodId(), r.getOrderNo(), Money.toYuan(r.getAmountFen()), Money.CNY,
                r.getCoin(), r.getGiftCoin(), r.getStatus());
    }
}
