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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.alipay.AlipayReturns;

/**
 * {@code GET /api/payment/return/alipay}: where Alipay sends the browser after a page or wap payment (the
 * return_url). The signed parameters only say which payment it was; while that payment is PENDING, Alipay is asked
 * (as {@code GET /payments/{payNo}} does) and its answer applied through the one success path. Then the browser goes
 * on to the storefront's page of the order, which shows what we know, PAID or not yet.
 */
@RestController
class ReturnController {

    private static final Logger log = LoggerFactory.getLogger(ReturnController.class);
    private final AlipayReturns returns;
    private final PaymentResults results;
    private final PayAttemptMapper attempts;
    private final Channels channels;
    private final String storefrontUrl;

    ReturnController(AlipayReturns returns, PaymentResults results, PayAttemptMapper attempts, Channels channels,
            @Value("${tongbao.payment.storefront-url:/}") String storefrontUrl) {
        this.returns = returns;
        this.results = results;
        this.attempts = attempts;
        this.channels = channels;
        this.storefrontUrl = storefrontUrl;
    }

    @GetMapping("/api/payment/return/alipay")
    ResponseEntity<Void> alipay(@RequestParam Map<String, String> params) {
        String payNo = returns.payNo(params).orElseThrow(() -> ApiException.badRequest("INVALID_RETURN",
                "The return parameters are not signed by the provider"));
        PayAttempt attempt = results.find(payNo);
        List<PayAttemptMapper.AttemptOrder> orders = attempt == null ? List.of() : attempts.ordersOf(payNo);
        if (attempt == null || orders.isEmpty() || !"ALIPAY".equals(attempt.getChannel())) {
            throw ApiException.notFound("PAYMENT_NOT_FOUND", "No payment " + payNo);
        }
        if ("PENDING".equals(attempt.getStatus())) {
            try {
                results.apply(attempt.getChannel(), payNo, channels.of(attempt.getChannel()).query(payNo));
            } catch (RuntimeException e) {
                // the notify still comes; the order page shows the order as it is until then
                log.warn("Could not ask Alipay about {} on its return: {}", payNo, e.toString());
            }
        }
        String location = storefrontUrl + (storefrontUrl.contains("?") ? "&" : "?") + "order="
                + URLEncoder.encode(orders.get(0).orderNo(), StandardCharsets.UTF_8) + "&payNo="
                + URLEncoder.encode(payNo, StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
}
