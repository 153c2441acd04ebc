package io.atlas.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.app.cli.Cli;
import io.atlas.app.cli.Lakes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report in a real browser: Debian's headless Chromium through chromedriver. The page loads with no console error
 * and no request besides the file itself, and every chart has one point or bar per day or key with the lake's numbers
 * (read back through DuckDB, not through the report's code). Skipped without chromium, except on CI.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path lake;

    @TempDir
    Path profile;

    private ChromeDriver browser;
    private Path report;

    @BeforeEach
    void lakeWithAReprocessedDayAndABrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Cannot test the report in a browser: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing on CI "
                        + "(.ci/run installs chromium and chromium-driver)");
            }
            Assumptions.abort("chromium or chromedriver is not installed (apt-get install chromium chromium-driver): "
                    + "skipping the report's browser test");
        }
        assertThat(Cli.runRaw("demo", "--dir", lake.toString(), "--records", "300").exitCode()).isZero();
        Lakes.drop(lake, "raw/ndjson/late.ndjson", Lakes.ndjson("2024-11-29", 40, "172.16.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        report = Path.of("target", "report-browser", "report.html").toAbsolutePath();
        Cli.Result written = Cli.run(lake, "report", "--day", "2024-11-30", "--out", report.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();

        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private List<List<String>> query(String sql) {
        return Cli.run(lake, "query", "--format", "csv", sql).outLines().stream().skip(1).map(l -> List.of(l.split(",", -1))).toList();
    }

    private Map<String, String> attributes(String css, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        for (WebElement element : browser.findElements(By.cssSelector(css))) {
            assertThat(values.put(element.getAttribute(key), element.getAttribute("data-value"))).as("one element per " + key).isNull();
        }
        return values;
    }

    private Map<String, String> mapColumn(String column, String date) {
        Map<String, String> expected = new LinkedHashMap<>();
        query("SELECT k, v FROM (SELECT unnest(map_keys(" + column + ")) AS k, unnest(map_values(" + column + ")) AS v "
                + "FROM log_analytics_db.daily_activity WHERE date = DATE '" + date + "') ORDER BY v DESC, k")
                .forEach(row -> expected.put(row.get(0), row.get(1)));
        return expected;
    }

    @Test
    void theReportLoadsOfflineAndEveryChartHasTheLakesNumbers() throws IOException {
        String url = report.toUri().toString();
        browser.get(url);

        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors").isEmpty();
        List<String> byThePage = new ArrayList<>();
        List<String> overTheNetwork = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                String requested = message.path("params").path("request").path("url").asText();
                if (message.path("params").path("documentURL").asText().equals(url)) {
                    byThePage.add(requested);
                }
                // the browser's own start page loads chrome:// resources and inline data: images: neither leaves the machine
                if (!requested.startsWith("chrome://") && !requested.startsWith("chrome-untrusted://")
                        && !requested.startsWith("data:") && !requested.equals(url)) {
                    overTheNetwork.add(requested);
                }
            }
        }
        assertThat(byThePage).as("requests of the report page").containsExactly(url);
        assertThat(overTheNetwork).as("requests besides the report and the browser's own pages").isEmpty();

        List<List<String>> daily = query("SELECT CAST(date AS VARCHAR) AS d, total_requests, error_count "
                + "FROM log_analytics_db.daily_activity ORDER BY date");
        assertThat(daily).hasSize(3);
        Map<String, String> totals = new LinkedHashMap<>();
        Map<String, String> errorCounts = new LinkedHashMap<>();
        daily.forEach(row -> {
            totals.put(row.get(0), row.get(1));
            errorCounts.put(row.get(0), row.get(2));
        });
        assertThat(attributes("#chart-totals circle.point[data-series='total_requests']", "data-key")).isEqualTo(totals);
        assertThat(attributes("#chart-totals circle.point[data-series='error_count']", "data-key")).isEqualTo(errorCounts);
        Map<String, String> rates = attributes("#chart-error-rate circle.point", "data-key");
        assertThat(rates).containsOnlyKeys(totals.keySet());
        daily.forEach(row -> assertThat(Double.parseDouble(rates.get(row.get(0))))
                .isCloseTo(Double.parseDouble(row.get(2)) / Double.parseDouble(row.get(1)), org.assertj.core.data.Offset.offset(1e-12)));
        assertThat(browser.findElements(By.cssSelector("#chart-totals rect.reprocessed"))).extracting(e -> e.getAttribute("data-key"))
                .containsExactly("2024-11-29");

        Map<String, String> rejectTotals = new LinkedHashMap<>();
        totals.keySet().forEach(day -> rejectTotals.put(day, "0"));
        query("SELECT CAST(process_date AS VARCHAR) AS d, COUNT(*) AS n FROM log_analytics_db.data_quality_rejects GROUP BY 1 ORDER BY 1")
                .forEach(row -> rejectTotals.put(row.get(0), row.get(1)));
        assertThat(attributes("#chart-rejects g.bar", "data-key")).isEqualTo(rejectTotals);
        for (List<String> row : query("SELECT CAST(process_date AS VARCHAR) AS d, reason_code, COUNT(*) AS n "
                + "FROM log_analytics_db.data_quality_rejects GROUP BY ALL ORDER BY 1, 2")) {
            assertThat(browser.findElement(By.cssSelector("#chart-rejects g.bar[data-key='" + row.get(0) + "'] rect[data-series='"
                    + row.get(1) + "']")).getAttribute("data-value")).isEqualTo(row.get(2));
        }

        Map<String, String> fileRejects = new LinkedHashMap<>();
        try (Stream<Path> sidecars = Files.walk(lake.resolve("rejected/system/lambda"))) {
            for (Path sidecar : sidecars.filter(p -> p.toString().endsWith(".error.json")).toList()) {
                fileRejects.merge(JSON.readTree(sidecar.toFile()).path("reason_code").asText(), "1",
                        (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
            }
        }
        assertThat(fileRejects).isNotEmpty();
        assertThat(attributes("#chart-file-rejects rect.bar", "data-key")).containsExactlyInAnyOrderEntriesOf(fileRejects);

        assertThat(attributes("#chart-device rect.bar", "data-key")).containsExactlyEntriesOf(mapColumn("requests_by_device", "2024-11-30"));
        assertThat(attributes("#chart-type rect.bar", "data-key")).containsExactlyEntriesOf(mapColumn("requests_by_type", "2024-11-30"));
        assertThat(attributes("#chart-app rect.bar", "data-key")).containsExactlyEntriesOf(mapColumn("requests_by_app", "2024-11-30"));
        assertThat(attributes("#chart-errors-by-code rect.bar", "data-key")).containsExactlyEntriesOf(mapColumn("errors_by_code", "2024-11-30"));

        JsonNode data = JSON.readTree(browser.findElement(By.id("atlas-report-data")).getAttribute("textContent"));
        assertThat(data.path("charts").path("chart-totals").path("total_requests").path("2024-11-29").asLong())
                .isEqualTo(Long.parseLong(totals.get("2024-11-29")));
        assertThat(browser.findElements(By.cssSelector("#days tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#days tr[data-key='2024-11-29']")).getText()).contains("total_requests");
        assertThat(browser.findElements(By.cssSelector("#runs tbody tr"))).hasSize(Cli.run(lake, "runs", "--limit", "1000")
                .outLines().size() - 2);

        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 6000)));
        Path screenshot = Path.of("target", "report-browser", "report.png");
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(screenshot).isNotEmptyFile();
    }
}
