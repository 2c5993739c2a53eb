package io.tongbao.sandbox.wechat.merchant;

import io.tongbao.sandbox.wechat.sign.PlatformKey;
import io.tongbao.sandbox.wechat.sign.WechatPlatformKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What onboarding with WeChat Pay does: the merchant hands over its API public key, certificate serial and APIv3
 * key and gets the WeChat Pay public key (and its id) to verify us with. Also the key-rotation rehearsal hooks.
 */
@RestController
class WechatMerchantController {

    private final WechatMerchants merchants;
    private final WechatPlatformKeys platformKeys;

    WechatMerchantController(WechatMerchants merchants, WechatPlatformKeys platformKeys) {
        this.merchants = merchants;
        this.platformKeys = platformKeys;
    }

    @PostMapping("/sandbox/wechat/merchants")
    RegisteredMerchant register(@RequestBody MerchantRegistration registration) {
        Merchant merchant = Merchant.of(registration.mchId(), registration.appId(), registration.merchantSerialNo(),
                registration.merchantPublicKey(), registration.apiV3Key());
        merchants.register(merchant);
        return RegisteredMerchant.of(merchant.mchId(), platformKeys.active(merchant.mchId()));
    }

    /** The key a merchant verifies the sandbox with right now, e.g. for the local stack's configuration. */
    @GetMapping("/sandbox/wechat/merchants/{mchId}")
    RegisteredMerchant merchant(@PathVariable String mchId) {
        return RegisteredMerchant.of(known(mchId), platformKeys.active(mchId));
    }

    @PostMapping("/sandbox/wechat/platform-keys")
    NewPlatformKey createKey(@RequestBody KeyRequest request) {
        PlatformKey key = platformKeys.create(known(request.mchId()));
        return new NewPlatformKey(key.id(), key.publicKeyBase64());
    }

    /** A key made for one merchant knows its owner; the shared default key needs {@code ?mchId=}. */
    @PostMapping("/sandbox/wechat/platform-keys/{publicKeyId}/activate")
    RegisteredMerchant activate(@PathVariable String publicKeyId, @RequestParam(required = false) String mchId) {
        PlatformKey key = platformKeys.find(publicKeyId)
                .orElseThrow(() -> new IllegalArgumentException("unknown publicKeyId " + publicKeyId));
        String owner = known(key.ownerMchId() != null ? key.ownerMchId() : mchId);
        platformKeys.activate(key, owner);
        return RegisteredMerchant.of(owner, key);
    }

    private String known(String mchId) {
        return merchants.find(mchId).map(Merchant::mchId)
                .orElseThrow(() -> new IllegalArgumentException("unknown mchId " + mchId));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_MERCHANT");
        return problem;
    }

    record MerchantRegistration(String mchId, String appId, String merchantSerialNo, String merchantPublicKey,
                                String apiV3Key) {
    }

    record KeyRequest(String mchId) {
    }

    record NewPlatformKey(String publicKeyId, String wechatpayPublicKey) {
    }

    record RegisteredMerchant(String mchId, String publicKeyId, String wechatpayPublicKey) {

        static RegisteredMerchant of(String mchId, PlatformKey key) {
            return new RegisteredMerchant(mchId, key.id(), key.publicKeyBase64());
        }
    }
}
