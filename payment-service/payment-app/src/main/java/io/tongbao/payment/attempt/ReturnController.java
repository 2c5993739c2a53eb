package io.tongbao.payment.attempt;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.ReturnVerifier;

/**
 * {@code GET /api/payment/return/{channel}}: where a provider sends the browser after its cashier (Alipay's
 * return_url after page or wap pay). The signed parameters only say which payment it was; while that payment is
 * PENDING, the provider is asked (as {@code GET /payments/{payNo}} does) and its answer applied through the one
 * success path. Then the browser goes on to the storefront's page of the order, which shows what we know, PAID or
 * not yet.
 */
@RestController
class ReturnController {

    private static final Logger log = LoggerFactory.getLogger(ReturnController.class);
    private final List<ReturnVerifier> verifiers;
    private final PaymentResults results;
    private final PayAttemptMapper attempts;
    private final Channels channels;
    private final String storefrontUrl;

    ReturnController(List<ReturnVerifier> verifiers, PaymentResults results, PayAttemptMapper attempts, Channels channels,
            @Value("${tongbao.payment.storefront-url:/}") String storefrontUrl) {
        this.verifiers = verifiers;
        this.results = results;
        this.attempts = attempts;
        this.channels = channels;
        this.storefrontUrl = storefrontUrl;
    }

    @GetMapping("/api/payment/return/{channel}")
    ResponseEntity<Void> back(@PathVariable("channel") String path, @RequestParam Map<String, String> params) {
        ReturnVerifier verifier = verifiers.stream().filter(v -> v.returnPath().equals(path)).findFirst()
                .orElseThrow(() -> ApiException.notFound("CHANNEL_NOT_FOUND", "No channel returns to " + path));
        String payNo = verifier.payNo(params).orElseThrow(() -> ApiException.badRequest("INVALID_RETURN",
                "The return parameters are not signed by the provider"));
        PayAttempt attempt = results.find(payNo);
        List<PayAttemptMapper.AttemptOrder> orders = attempt == null ? List.of() : attempts.ordersOf(payNo);
        if (attempt == null || orders.isEmpty() || !verifier.channel().equals(attempt.getChannel())) {
            throw ApiException.notFound("PAYMENT_NOT_FOUND", "No payment " + payNo);
        }
        if ("PENDING".equals(attempt.getStatus())) {
            try {
                results.apply(attempt.getChannel(), payNo, channels.of(attempt.getChannel()).query(payNo));
            } catch (RuntimeException e) {
                // the notify still comes; the order page shows the order as it is until then
                log.warn("Could not ask {} about {} on its return: {}", attempt.getChannel(), payNo, e.toString());
            }
        }
        String location = storefrontUrl + (storefrontUrl.contains("?") ? "&" : "?") + "order="
                + URLEncoder.encode(orders.get(0).orderNo(), StandardCharsets.UTF_8) + "&payNo="
                + URLEncoder.encode(payNo, StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
}
