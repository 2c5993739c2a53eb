package io.tongbao.coin.recharge;

import org.springframework.web.bind.annotation.RestController;

import io.tongbao.coin.api.CoinRefundApi;
import io.tongbao.coin.wallet.Ledger;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/** POST /internal/coin/refund-debits: payment-service takes a recharge's coins back before it refunds the money. */
@RestController
class RefundDebitController implements CoinRefundApi {

    private final RechargeRefunds refunds;

    RefundDebitController(RechargeRefunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public RefundDebitView takeBack(RefundDebitCommand command) {
        if (command == null || command.orderNo() == null || command.refundNo() == null || command.refundFen() <= 0
                || command.paidFen() <= 0 || command.refundFen() > command.paidFen()) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
                    "orderNo, refundNo, and 0 < refundFen <= paidFen");
        }
        Ledger.Debit debit = refunds.takeBack(command);
        return new RefundDebitView(debit.coins(), debit.balanceAfter());
    }
}
