package io.genrelake.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.scoring.DefaultModel;
import io.genrelake.scoring.PortableModel;
import io.genrelake.testing.Prerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * serve's page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/run}), driven by Selenium: upload a 75-s clip the test writes, see the genre, the confidence, three
 * bars, a three-window timeline and the model card; upload a file that is not audio, see its reason.
 *
 * <p>With {@code -Dgenrelake.screenshot=docs/serve.png} it saves the page after the upload there (README: the
 * command that makes docs/serve.png).
 */
class ServeBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void uploadShowsGenreBarsTimelineAndCard(@TempDir Path dir) throws Exception {
        Prerequisite.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and its driver are not installed (apt-get install chromium chromium-driver)");
        Path clip = ServeFixture.clip(dir.resolve("chord.wav"), 75);
        Path bad = Files.writeString(dir.resolve("notes.mp3"), "not audio at all\n");
        List<String> genres = PortableModel.read(Path.of(DefaultModel.FOLDER)).genres();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try (IdentifyServer server = ServeFixture.start(50_000_000)) {
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                browser.get("http://127.0.0.1:" + server.port() + "/");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card"), "Accuracy"));
                assertTrue(browser.findElement(By.id("card")).getText().contains("artists it never heard"));

                browser.findElement(By.id("file")).sendKeys(clip.toString());
                browser.findElement(By.id("submit")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("genre")));
                String genre = browser.findElement(By.id("genre")).getText();
                assertTrue(genres.contains(genre), genre + " is one of " + genres);
                assertTrue(browser.findElement(By.id("confidence")).getText().endsWith("%"));
                List<WebElement> bars = browser.findElements(By.cssSelector("#bars .bar"));
                assertEquals(3, bars.size());
                assertTrue(bars.get(0).getSize().getWidth() > 0, "the top genre's bar is drawn");
                assertTrue(bars.get(0).getSize().getWidth() >= bars.get(1).getSize().getWidth());
                assertEquals(3, browser.findElements(By.cssSelector("#timeline .window")).size(),
                        "75 s: windows 0:00, 0:30 and 1:00 (15 s)");
                String screenshot = System.getProperty("genrelake.screenshot");
                if (screenshot != null && !screenshot.isBlank()) {
                    Files.write(Path.of(screenshot), browser.getScreenshotAs(OutputType.BYTES));
                }

                browser.findElement(By.id("file")).clear();
                browser.findElement(By.id("file")).sendKeys(bad.toString());
                browser.findElement(By.id("submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "unsupported format"));
                assertTrue(browser.findElement(By.id("error")).getText().startsWith("notes.mp3: "));
            } finally {
                browser.quit();
            }
        }
    }
}
