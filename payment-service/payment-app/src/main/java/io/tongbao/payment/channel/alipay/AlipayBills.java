package io.tongbao.payment.channel.alipay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.http.HttpStatus;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/** Fetches the bill file that alipay.data.dataservice.bill.downloadurl.query points at (a zip; Alipay gives no digest). */
final class AlipayBills {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ApiException(HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_UNAVAILABLE,
                        "Alipay bill download answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_UNAVAILABLE, "Alipay bill download failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.UPSTREAM_UNAVAILABLE, "interrupted");
        }
    }
}
