package dev.assay.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through Selenium with the system's {@code chromium} and
 * {@code chromium-driver} packages (.ci/run installs them), so nothing is downloaded at test time.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String baseUrl;

    Browser(String baseUrl) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver packages: "
                    + "apt-get install chromium chromium-driver (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.baseUrl = baseUrl;
    }

    /** Opens a page and waits until it shows its figures (a page whose figures are being computed reloads itself). */
    void open(String path) {
        driver.get(baseUrl + path);
        awaitComputed();
    }

    /** Waits until the page no longer says its figures are being computed. */
    void awaitComputed() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> findAll("#computing").isEmpty());
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url == null ? "" : url.substring(baseUrl.length());
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String title() {
        return driver.getTitle();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void signIn(String apiKey) {
        open("/ui/sign-in");
        find("#apiKey").sendKeys(apiKey);
        find("#sign-in").click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !path().startsWith("/ui/sign-in") || !findAll(".error").isEmpty());
        awaitComputed();
    }

    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("JSESSIONID");
    }

    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** Waits until the page's charts have drawn (ECharts adds an svg) or said they have no data. */
    void awaitCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> findAll("[data-chart]").stream()
                .allMatch(chart -> !chart.findElements(By.tagName("svg")).isEmpty() || chart.getText().contains("No data")));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File file = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
