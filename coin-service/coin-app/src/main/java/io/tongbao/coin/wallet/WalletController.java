package io.tongbao.coin.wallet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.coin.api.CoinInternalApi;
import io.tongbao.coin.api.WalletView;
import io.tongbao.common.identity.Caller;

/** The caller's wallet (GET /api/coin/wallet), and any user's balance for other services. */
@RestController
class WalletController implements CoinInternalApi {

    private final WalletMapper wallets;

    WalletController(WalletMapper wallets) {
        this.wallets = wallets;
    }

    @GetMapping("/api/coin/wallet")
    WalletView myWallet(Caller caller) {
        return wallet(caller.userId());
    }

    @Override
    public WalletView wallet(long userId) {
        Long balance = wallets.balanceOf(userId);
        return new WalletView(userId, balance == null ? 0 : balance);
    }
}
