package io.tongbao.order;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for payment-service's internal close API in order-service's ITs: it records each call and answers
 * "paid" for the orders a test marks so. (Its own ITs prove payment-service's side against the sandbox.)
 */
public final class PaymentServiceStub implements AutoCloseable {

    public final List<String> closeCalls = new CopyOnWriteArrayList<>();
    public final Set<String> paidAtProvider = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    public PaymentServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/payment/orders/", exchange -> {
            String orderNo = exchange.getRequestURI().getPath().split("/")[4];
            closeCalls.add(orderNo);
            byte[] body = ("{\"paid\":" + paidAtProvider.contains(orderNo) + ",\"closedPayNos\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The simple-discovery property that points order-service's Feign client at this stub. */
    public static final String DISCOVERY_PROPERTY = "spring.cloud.discovery.client.simple.instances.payment-service[0].uri";

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
