package network.mask.webui.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The steps a journey takes on the setup page, by element id; shared by web-ui's and node's browser tests. */
public final class BrowserPage {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public BrowserPage(ChromeDriver driver, Duration timeout) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, timeout);
    }

    /** The page's default wait, for conditions of the test's own. */
    public WebDriverWait await() {
        return wait;
    }

    /** Waits until the browser shows {@code path} (redirects included). */
    public void waitForPath(String path) {
        wait.until(d -> d.getCurrentUrl().replaceFirst("^https?://[^/]+", "").equals(path));
    }

    public void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    public void click(String id) {
        WebElement e = driver.findElement(By.id(id));
        // A link cut by the viewport's bottom edge counts as "in view" for WebDriver, which then
        // clicks its centre below the edge and nothing happens (seen at phone height): centre it first.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", e);
        e.click();
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The first file in {@code downloads} whose name ends with {@code suffix}, once it is there. */
    public Path waitForDownload(Path downloads, String suffix) {
        return wait.until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
