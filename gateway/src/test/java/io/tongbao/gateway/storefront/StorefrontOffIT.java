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

/** With tongbao.storefront.enabled=false (every profile but local) there is no storefront. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "TONGBAO_STOREFRONT_ENABLED=false")
@ActiveProfiles("local")
class StorefrontOffIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void servesNoStorefront() throws Exception {
        for (String path : new String[] {"/", "/storefront/app.js", "/storefront/config"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }
}
