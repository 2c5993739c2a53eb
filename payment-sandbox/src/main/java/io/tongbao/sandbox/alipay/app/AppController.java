package io.tongbao.sandbox.alipay.app;

import io.tongbao.sandbox.alipay.sign.PlatformKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What uploading an app key on Alipay's open platform does: the app gets the platform key to verify us with. */
@RestController
class AppController {

    private final AppRegistry registry;
    private final PlatformKeys platformKeys;

    AppController(AppRegistry registry, PlatformKeys platformKeys) {
        this.registry = registry;
        this.platformKeys = platformKeys;
    }

    @PostMapping("/sandbox/alipay/apps")
    RegisteredApp register(@RequestBody AppRegistration registration) {
        registry.register(registration.appId(), registration.appPublicKey());
        return new RegisteredApp(registration.appId().trim(), platformKeys.publicKeyBase64());
    }

    @GetMapping(value = "/sandbox/alipay/platform-public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String platformPublicKey() {
        return platformKeys.publicKeyBase64();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidRegistration(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "INVALID_APP");
        return problem;
    }

    record AppRegistration(String appId, String appPublicKey) {
    }

    record RegisteredApp(String appId, String alipayPublicKey) {
    }
}
