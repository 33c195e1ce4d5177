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
        onFreshElement(id, e -> {
            e.clear();
            e.sendKeys(value);
        });
    }

    public void click(String id) {
        onFreshElement(id, e -> {
            // A link cut by the viewport's bottom edge counts as "in view" for WebDriver, which then
            // clicks its centre below the edge and nothing happens (seen at phone height): centre it first.
            driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", e);
            e.click();
        });
    }

    /**
     * Finds the element by id and acts on it, finding it again if the document was replaced in between
     * (a page still finishing its redirect after a POST: Chromium then says the node "does not belong to
     * the document"). Only that error is retried, three times at most; any other goes to the test.
     */
    private void onFreshElement(String id, java.util.function.Consumer<WebElement> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.accept(driver.findElement(By.id(id)));
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) throw e;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) throw e;
            }
        }
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
