package io.tongbao.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The local profile serves the storefront's files at / and /storefront/**, without a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "TONGBAO_SANDBOX_PORT=18999")
@ActiveProfiles("local")
class StorefrontIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void servesTheStorefrontAtTheRootWithoutAToken() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(index.body()).contains("<title>Tongbao", "/storefront/app.js", "/storefront/style.css");

        HttpResponse<String> script = get("/storefront/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/api/order/notifications/stream");
        assertThat(get("/storefront/style.css").statusCode()).isEqualTo(200);
        assertThat(get("/storefront/config").body()).isEqualTo("{\"sandboxUrl\":\"http://127.0.0.1:18999\"}");
    }

    @Test
    void everythingElseStillNeedsAToken() throws Exception {
        HttpResponse<String> orders = get("/api/order/orders");
        assertThat(orders.statusCode()).isEqualTo(401);
        assertThat(get("/api/order/notifications/stream").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
