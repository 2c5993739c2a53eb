package io.tongbao.sandbox.wechat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.notification.RequestParam;

/**
 * A merchant notify endpoint on a free local port. It records each delivery's signature headers and raw body and
 * answers scripted HTTP statuses (then 200 forever). Incoming header names are looked up case-insensitively here,
 * as a servlet container would; only the SDK's client side cares about their spelling.
 */
final class WechatNotifyReceiver implements AutoCloseable {

    record Received(String timestamp, String nonce, String signature, String serial, String signatureType,
                    String body) {

        /** What a merchant hands to the SDK's NotificationParser: the headers and the raw body, untouched. */
        RequestParam toRequestParam() {
            return new RequestParam.Builder().serialNumber(serial).nonce(nonce).signature(signature)
                    .timestamp(timestamp).signType(signatureType).body(body).build();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses;

    WechatNotifyReceiver(Integer... statuses) throws IOException {
        this.statuses = new ArrayDeque<>(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            Headers headers = exchange.getRequestHeaders();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(headers.getFirst("Wechatpay-Timestamp"), headers.getFirst("Wechatpay-Nonce"),
                    headers.getFirst("Wechatpay-Signature"), headers.getFirst("Wechatpay-Serial"),
                    headers.getFirst("Wechatpay-Signature-Type"), body));
            int status;
            synchronized (this.statuses) {
                status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
            }
            byte[] answer = (status < 300 ? "" : "{\"code\":\"FAIL\",\"message\":\"失败\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
