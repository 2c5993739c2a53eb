package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The storefront at the gateway's {@code /}, used as a person uses it, in a real headless Chromium against the
 * running local stack: buying coins with an Alipay QR through the sandbox cashier, a paid course through Alipay
 * page pay and the return URL, goods cancelled while unpaid, and an error shown as a readable message.
 */
@ExtendWith(LocalStack.class)
class StorefrontBrowserIT {

    private static final AtomicLong USERS = new AtomicLong(880_000 + System.currentTimeMillis() % 10_000 * 10);

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void coinsBoughtWithAnAlipayQrShowInTheWalletWithoutAReloadAndANotificationAppears() throws Exception {
        long user = USERS.incrementAndGet();
        browser.signInWithToken(user);
        WebDriver driver = browser.driver();
        String storefront = driver.getWindowHandle();
        browser.visible(By.cssSelector("[data-pod='30001'] button.buy"));
        browser.screenshot("storefront-shop");
        browser.click(By.cssSelector("[data-pod='30001'] button.buy"));
        browser.awaitText(By.id("order-status"), "UNPAID");
        String orderNo = driver.findElement(By.id("order-no")).getText();
        browser.click(By.cssSelector("button.pay-option[data-channel='ALIPAY'][data-mode='QR']"));
        assertThat(browser.visible(By.id("pay-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        browser.click(By.id("open-cashier"));
        browser.await(d -> d.getWindowHandles().size() == 2);
        // the storefront shows the wallet meanwhile: only the notification stream can change it from here
        browser.click(By.cssSelector(".tabs a[data-view='wallet']"));
        browser.awaitText(By.id("wallet-balance"), "0");

        driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(storefront)).findFirst().orElseThrow());
        assertThat(browser.visible(By.id("amount")).getText()).contains("6.00");
        assertThat(driver.findElement(By.id("qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        browser.awaitText(By.id("status"), "WAIT_BUYER_PAY");
        Files.copy(browser.screenshot("cashier-alipay"), Browser.OUT.resolve("cashier.png"), StandardCopyOption.REPLACE_EXISTING);
        browser.click(By.id("pay"));
        browser.awaitText(By.id("status"), "TRADE_SUCCESS");
        driver.close();

        driver.switchTo().window(storefront);
        browser.awaitText(By.id("wallet-balance"), "60");
        browser.awaitText(By.id("unread"), "1");
        browser.click(By.cssSelector(".tabs a[data-view='notifications']"));
        browser.awaitTextContaining(By.cssSelector("#notifications li[data-order='" + orderNo + "'][data-type='ORDER_PAID']"),
                "Payment received", "6.00");
        browser.click(By.cssSelector(".tabs a[data-view='wallet']"));
        browser.awaitTextContaining(By.cssSelector("#ledger tr"), "60");
        browser.click(By.cssSelector(".tabs a[data-view='shop']"));
        browser.visible(By.cssSelector("[data-pod='30001']"));
        Files.copy(browser.screenshot("storefront-after-payment"), Browser.OUT.resolve("storefront.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aPaidCourseThroughAlipayPagePayComesBackThroughTheReturnUrlToItsPaidOrder() {
        long user = USERS.incrementAndGet();
        browser.signInWithToken(user);
        WebDriver driver = browser.driver();
        browser.click(By.cssSelector("[data-course='20002'] button.buy"));
        browser.awaitText(By.id("order-status"), "UNPAID");
        String orderNo = driver.findElement(By.id("order-no")).getText();
        browser.click(By.cssSelector("button.pay-option[data-channel='ALIPAY'][data-mode='PAGE']"));

        // the provider's form took the browser to the sandbox's cashier
        browser.await(d -> d.getCurrentUrl().contains("/cashier/alipay/"));
        assertThat(browser.visible(By.id("amount")).getText()).contains("199.00");
        browser.click(By.id("pay"));

        // back through the return URL (verified by payment-service) to the storefront's page of the order
        browser.await(d -> d.getCurrentUrl().startsWith(LocalStack.gateway("/").toString())
                && d.getCurrentUrl().contains("#order/" + orderNo));
        browser.awaitText(By.id("order-status"), "PAID");
        browser.await(d -> {
            // "my courses" follows the paid order through learning-service: look again until it is there
            d.findElement(By.cssSelector(".tabs a[data-view='shop']")).click();
            d.findElement(By.cssSelector(".tabs a[data-view='courses']")).click();
            return !d.findElements(By.cssSelector("#my-courses li[data-course='20002']")).isEmpty();
        });
        browser.awaitTextContaining(By.cssSelector("#my-courses li[data-course='20002']"),
                "Spring Cloud Alibaba in practice", "purchased");
    }

    @Test
    void goodsOrderedThenCancelledWhileUnpaidGiveTheirStockBack() {
        long user = USERS.incrementAndGet();
        long sku = 890_000 + System.currentTimeMillis() % 10_000 * 10 + user % 10;
        db("order").update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, 1250, 5, 'ON_SALE')",
                sku, "Browser SKU " + sku);
        browser.signInWithToken(user);
        WebDriver driver = browser.driver();
        By stock = By.cssSelector("[data-sku='" + sku + "'] .stock");
        browser.awaitText(stock, "5");
        browser.await(d -> {
            WebElement quantity = d.findElement(By.cssSelector("[data-sku='" + sku + "'] input.qty"));
            quantity.clear();
            quantity.sendKeys("2");
            return "2".equals(quantity.getDomProperty("value"));
        });
        browser.click(By.cssSelector("[data-sku='" + sku + "'] button.buy"));
        browser.awaitText(By.id("order-status"), "UNPAID");
        String orderNo = driver.findElement(By.id("order-no")).getText();
        assertThat(driver.findElement(By.id("order-amount")).getText()).isEqualTo("¥25.00");

        browser.click(By.cssSelector(".tabs a[data-view='shop']"));
        browser.awaitText(stock, "3");
        browser.click(By.cssSelector(".tabs a[data-view='orders']"));
        browser.awaitText(By.cssSelector("#orders tr[data-order='" + orderNo + "'] .status"), "UNPAID");
        browser.click(By.cssSelector("#orders tr[data-order='" + orderNo + "'] button.cancel-order"));
        browser.awaitText(By.cssSelector("#orders tr[data-order='" + orderNo + "'] .status"), "CLOSED");
        assertThat(driver.findElements(By.cssSelector("#orders tr[data-order='" + orderNo + "'] button.cancel-order"))).isEmpty();
        browser.click(By.cssSelector(".tabs a[data-view='shop']"));
        browser.awaitText(stock, "5");
    }

    @Test
    void tooFewCoinsIsShownAsTheProblemsTitleAndDetailNotAsJson() {
        browser.open("/");
        new Select(browser.visible(By.id("dev-user"))).selectByValue("1002");
        browser.click(By.id("use-dev-user"));
        browser.awaitText(By.id("whoami"), "user 1002");

        long user = USERS.incrementAndGet();
        browser.signInWithToken(user);
        browser.click(By.cssSelector("[data-course='20003'] button.buy"));
        browser.awaitText(By.id("order-status"), "UNPAID");
        String orderNo = browser.driver().findElement(By.id("order-no")).getText();
        browser.click(By.cssSelector("button.pay-option[data-channel='WALLET'][data-mode='BALANCE']"));

        // the browser's answer first; then the same request again, to know what the problem says
        browser.visible(By.cssSelector("#message.error"));
        var problem = call("POST", "/api/payment/payments", devToken(user),
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}", 409);
        assertThat(problem.get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        String message = browser.awaitTextContaining(By.cssSelector("#message.error"), problem.get("title").asString(),
                problem.get("detail").asString());
        assertThat(message).doesNotContain("{").doesNotContain("INSUFFICIENT_BALANCE");
        browser.awaitText(By.id("order-status"), "UNPAID");
    }

    @Test
    void aReturnWhoseSignatureDoesNotMatchIsRefusedAndPaysNothing() {
        HttpResponse<String> forged = StackClient.send(HttpRequest.newBuilder(LocalStack.gateway(
                "/api/payment/return/alipay?out_trade_no=123&app_id=2021000000000001&total_amount=1.00&sign=AAAA")).GET());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(forged.body()).contains("INVALID_RETURN");
    }
}
