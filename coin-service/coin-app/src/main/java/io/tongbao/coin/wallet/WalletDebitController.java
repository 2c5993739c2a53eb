package io.tongbao.coin.wallet;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.coin.api.WalletDebitApi;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/**
 * POST /internal/coin/wallet-debits: payment-service spends a user's coins (and wallet-credits gives them back on a
 * refund). Run inside the caller's Seata global
 * transaction (the XID comes with the request), so the debit is undone when the payment is not recorded.
 */
@RestController
class WalletDebitController implements WalletDebitApi {

    private final Ledger ledger;

    WalletDebitController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public WalletDebitView debit(WalletDebitCommand command) {
        if (command == null || command.coins() <= 0 || command.bizType() == null || command.bizId() == null) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "userId, positive coins, bizType and bizId");
        }
        Ledger.Debit debit = ledger.debit(command.userId(), command.coins(), command.bizType(), command.bizId());
        return new WalletDebitView(debit.entryId(), debit.coins(), debit.balanceAfter());
    }

    @Override
    @Transactional
    public WalletDebitView credit(WalletDebitCommand command) {
        if (command == null || command.coins() <= 0 || command.bizType() == null || command.bizId() == null) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "userId, positive coins, bizType and bizId");
        }
        ledger.credit(command.userId(), command.coins(), command.bizType(), command.bizId());
        return new WalletDebitView(0, command.coins(), ledger.balanceOf(command.userId()));
    }
}
