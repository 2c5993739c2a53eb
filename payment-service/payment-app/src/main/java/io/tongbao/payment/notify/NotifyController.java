package io.tongbao.payment.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.payment.attempt.PaymentResults;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.InboundNotify;
import io.tongbao.payment.channel.NotifyAck;
import io.tongbao.payment.channel.NotifyHandling;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.metrics.NotifyMetrics;
import io.tongbao.payment.refund.RefundResults;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one entry for every provider's notify, {@code POST /api/payment/notify/{channel}}: the notify is read as it
 * arrived (form fields, or the raw body for JSON notifies), the channel verifies and parses it, and a verified trade
 * update goes to the single success path. The channel words the answer: only a notify that is recorded (or was
 * recorded before) is acknowledged, so that the provider sends a real one again and a forged one goes nowhere.
 */
@RestController
class NotifyController {

    private static final Logger log = LoggerFactory.getLogger(NotifyController.class);
    private final Channels channels;
    private final PaymentResults results;
    private final NotifyMetrics metrics;
    private final RefundResults refunds;

    NotifyController(Channels channels, PaymentResults results, NotifyMetrics metrics, RefundResults refunds) {
        this.refunds = refunds;
        this.channels = channels;
        this.results = results;
        this.metrics = metrics;
    }

    @PostMapping("/api/payment/notify/{channel}")
    ResponseEntity<String> notify(@PathVariable("channel") String path, HttpServletRequest request) {
        PaymentChannel channel = channels.byNotifyPath(path).orElse(null);
        if (channel == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("no such channel");
        }
        NotifyAck ack = channel.acknowledge(metrics.time(channel.name(), () -> handle(channel, request)));
        return ResponseEntity.status(ack.status()).contentType(MediaType.parseMediaType(ack.contentType())).body(ack.body());
    }

    private NotifyHandling handle(PaymentChannel channel, HttpServletRequest request) {
        try {
            NotifyVerdict verdict = channel.verifyNotify(read(request));
            if (verdict instanceof NotifyVerdict.Refused refused) {
                log.warn("Refused {} notify ({}): {}", channel.name(), refused.reference(), refused.reason());
                return NotifyHandling.REFUSED;
            }
            if (verdict instanceof NotifyVerdict.RefundUpdate refund) {
                return switch (refunds.apply(channel.name(), refund.refundNo(), refund.refund())) {
                    case RECORDED, ALREADY_RECORDED, NOTHING_TO_DO -> NotifyHandling.ACCEPTED;
                    case MISMATCH, UNKNOWN_REFUND -> NotifyHandling.REFUSED;
                };
            }
            NotifyVerdict.TradeUpdate update = (NotifyVerdict.TradeUpdate) verdict;
            PaymentResults.Outcome outcome = results.apply(channel.name(), update.payNo(), update.trade());
            return switch (outcome) {
                case RECORDED, ALREADY_RECORDED, NOTHING_TO_DO -> NotifyHandling.ACCEPTED;
                case MISMATCH, UNKNOWN_ATTEMPT -> {
                    log.warn("Refused {} notify for out_trade_no={}: {}", channel.name(), update.payNo(), outcome);
                    yield NotifyHandling.REFUSED;
                }
            };
        } catch (RuntimeException e) {
            // an unreadable body, or a failure while recording: the provider retries, nothing was changed
            log.warn("{} notify not processed: {}", channel.name(), e.toString());
            return NotifyHandling.FAILED;
        }
    }

    private static InboundNotify read(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        Collections.list(request.getHeaderNames())
                .forEach(name -> headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name)));
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            Map<String, String> params = new HashMap<>();
            request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
            return new InboundNotify(Map.copyOf(params), Map.copyOf(headers), null);
        }
        try {
            return new InboundNotify(Map.of(), Map.copyOf(headers),
                    new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable notify body", e);
        }
    }
}
