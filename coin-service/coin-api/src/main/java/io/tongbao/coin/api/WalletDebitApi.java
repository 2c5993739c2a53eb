package io.tongbao.coin.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Spending coins, for payment-service only (the gateway never routes /internal/**). A debit is one ledger entry
 * unique per business record, so repeating it changes nothing; it never takes a balance below zero (409
 * INSUFFICIENT_BALANCE). payment-service calls it inside a Seata global transaction, whose XID travels with the call.
 */
@FeignClient(name = "coin-service", contextId = "walletDebitApi")
public interface WalletDebitApi {

    @PostMapping("/internal/coin/wallet-debits")
    WalletDebitView debit(@RequestBody WalletDebitCommand command);

    /** Gives coins back (a refund of a wallet payment): one CREDIT per business record, e.g. (REFUND, refundNo). */
    @PostMapping("/internal/coin/wallet-credits")
    WalletDebitView credit(@RequestBody WalletDebitCommand command);

    /** Take {@code coins} from {@code userId}'s wallet for the business record (bizType, bizId), e.g. (PAYMENT, payNo). */
    record WalletDebitCommand(long userId, long coins, String bizType, String bizId) {
    }

    /** The ledger entry of the debit and the balance it left. */
    record WalletDebitView(long entryId, long coins, long balanceAfter) {
    }
}
