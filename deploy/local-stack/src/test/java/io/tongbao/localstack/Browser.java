package io.tongbao.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium per test, driven through the system's chromedriver (Debian's chromium and chromium-driver
 * packages; nothing is downloaded). Every test leaves a screenshot in target/browser/; a failed one also leaves
 * the page's HTML and the browser's console log there.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback {

    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHROMIUM = System.getProperty("tongbao.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("tongbao.chromedriver", "/usr/bin/chromedriver");

    private ChromeDriver driver;

    WebDriver driver() {
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,960", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(OUT);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            screenshot(name);
            if (context.getExecutionException().isPresent()) {
                Files.writeString(OUT.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
                String log = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(entry -> entry.getTimestamp() + " " + entry.getLevel() + " " + entry.getMessage())
                        .collect(Collectors.joining("\n"));
                Files.writeString(OUT.resolve(name + ".browser.log"), "URL: " + driver.getCurrentUrl() + "\n" + log,
                        StandardCharsets.UTF_8);
            }
        } finally {
            driver.quit();
        }
    }

    /** Saves what the current window shows as target/browser/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(OUT);
            Path file = OUT.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(LocalStack.gateway(path).toString());
    }

    /** Waits for the condition; the storefront re-renders its lists, so an element gone stale is looked up again. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement visible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks the element once it is clickable, looking it up again if it was re-rendered in between. */
    void click(By by) {
        await(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Waits until the element's text contains every one of {@code parts}, and returns it. */
    String awaitTextContaining(By by, String... parts) {
        return await(d -> {
            var found = d.findElements(by);
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            for (String part : parts) {
                if (!text.contains(part)) {
                    return null;
                }
            }
            return text;
        });
    }

    /** Waits until the element's text is exactly {@code text}. */
    void awaitText(By by, String text) {
        await(d -> {
            var found = d.findElements(by);
            return !found.isEmpty() && found.get(0).getText().trim().equals(text);
        });
    }

    /** The storefront signed in as {@code userId} with a token pasted in, as a person with a token would. */
    void signInWithToken(long userId) {
        open("/");
        visible(By.id("login"));
        driver.findElement(By.cssSelector("details.paste summary")).click();
        driver.findElement(By.id("token-input")).sendKeys(StackClient.devToken(userId));
        click(By.id("use-token"));
        awaitText(By.id("whoami"), "user " + userId);
        await(d -> d.findElement(By.id("stream-state")).getText().contains("live"));
    }
}
