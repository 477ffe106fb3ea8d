package com.example.couponimporter.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review page in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which
 * {@code .ci/run} installs): the summary and charts, filtering by code and field, search, and hostile cells
 * shown as text without running.
 */
class ReviewPageBrowserTest {

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,"
			+ "validTillDate,smsTemplate\n";

	private static WebDriver browser;

	@TempDir
	Path dir;

	@BeforeAll
	static void startBrowser() {
		File driver = new File("/usr/bin/chromedriver");
		assertThat(driver).as("Debian's chromium-driver package (apt-get install chromium chromium-driver)").exists();
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--allow-file-access-from-files");
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void showsTheRejectsFiltersThemAndNeverRunsAHostileCell() throws Exception {
		Path input = Files.writeString(this.dir.resolve("series.csv"), HEADER
				+ "100737,OK-1,Fine,D1,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,BAD-2,<script>window.pwned = 'script'</script>,D2,PERC,150,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,BAD-3,\"\"\"><img src=x onerror=\"\"window.pwned = 'img'\"\">\",D3,ABS,10,31/12/2099,Hi\n"
				+ "100737,OK-1,Again,D4,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,BAD-5,,D5,ABS,10,not-a-date,Hi\n");

		ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.input=" + input, "--importer.dry-run=true");

		assertThat(run.exitCode()).isZero();
		Path page = run.file("review.html");
		browser.get(page.toUri().toString());
		assertThat(text("status")).isEqualTo("COMPLETED");
		assertThat(text("rejected-count")).isEqualTo("4");
		assertThat(browser.findElement(By.id("summary")).getText()).contains(input.toString(), "dry run");
		assertThat(browser.findElement(By.id("by-code")).getText()).contains("INVALID_FORMAT\n2", "INCONSISTENT\n1",
				"DUPLICATE_IN_FILE\n1", "REQUIRED\n1");
		assertThat(browser.findElement(By.id("by-field")).getText()).contains("validTillDate\n2", "seriesCode\n1",
				"description\n1");
		assertThat(browser.findElement(By.id("reject-link")).getAttribute("href")).endsWith("/series-1.rejects.csv");
		assertThat(lines()).containsExactly("3", "4", "5", "6");

		new Select(browser.findElement(By.id("code-filter"))).selectByValue("INVALID_FORMAT");
		assertThat(lines()).containsExactly("4", "6");
		assertThat(text("match-count")).isEqualTo("2 of 4 records shown match");
		new Select(browser.findElement(By.id("field-filter"))).selectByValue("description");
		assertThat(lines()).containsExactly("6");
		WebElement faulty = browser.findElements(By.cssSelector("#rows td.bad")).get(0);
		assertThat(faulty.getAttribute("title")).isIn("REQUIRED", "INVALID_FORMAT");

		new Select(browser.findElement(By.id("code-filter"))).selectByValue("");
		new Select(browser.findElement(By.id("field-filter"))).selectByValue("");
		browser.findElement(By.id("search")).sendKeys("onerror");
		assertThat(lines()).containsExactly("4");
		List<WebElement> cells = browser.findElements(By.cssSelector("#rows tr td"));
		assertThat(cells).extracting(WebElement::getText).contains("\"><img src=x onerror=\"window.pwned = 'img'\">");
		browser.findElement(By.id("search")).clear();
		browser.findElement(By.id("search")).sendKeys("<script>");
		assertThat(lines()).containsExactly("3");
		assertThat(browser.findElements(By.cssSelector("#rows tr td")))
			.extracting(WebElement::getText).contains("<script>window.pwned = 'script'</script>");

		assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
		assertThat(browser.findElements(By.cssSelector("#rows img, #rows script"))).isEmpty();
	}

	@Test
	void cellsShowAsTheyWereReadBackslashesAndQuotesIncluded() throws Exception {
		Path input = Files.writeString(this.dir.resolve("paths.csv"), HEADER
				+ "100737,P-1,\"C:\\shares\\q4 \"\"promo\"\"\",D1,ABS,ten,2099-01-01T00:00:00Z,Hi\n");

		ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.input=" + input, "--importer.dry-run=true");

		browser.get(run.file("review.html").toUri().toString());
		assertThat(browser.findElements(By.cssSelector("#rows tr td")))
			.extracting(WebElement::getText).contains("C:\\shares\\q4 \"promo\"");
	}

	@Test
	void aLargeRejectReportIsCountedWholeAndShownInPages() throws Exception {
		StringBuilder lines = new StringBuilder(HEADER);
		int rejects = ReviewPage.SHOWN + 700;
		for (int i = 0; i < rejects; i++) {
			lines.append("100737,S-").append(i).append(",Series ").append(i).append(",D,ABS,10,2099-13-01T00:00:00Z,Hi\n");
		}
		Path input = Files.writeString(this.dir.resolve("many.csv"), lines);

		ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.input=" + input, "--importer.dry-run=true");

		browser.get(run.file("review.html").toUri().toString());
		assertThat(text("rejected-count")).isEqualTo(String.valueOf(rejects));
		assertThat(text("note")).isEqualTo("This page holds the first " + ReviewPage.SHOWN + " of " + rejects
				+ " rejected records; the counts above are of all of them, and the reject report has every one.");
		assertThat(browser.findElement(By.id("by-code")).getText()).contains("INVALID_FORMAT\n" + rejects);
		assertThat(text("page")).isEqualTo("page 1 of 50");
		assertThat(lines()).hasSize(100).startsWith("2", "3");
		browser.findElement(By.id("next")).click();
		assertThat(lines()).hasSize(100).startsWith("102");
		browser.findElement(By.id("search")).sendKeys("Series 4999");
		assertThat(lines()).containsExactly("5001");
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	/** The input lines of the rows the table shows. */
	private static List<String> lines() {
		return browser.findElements(By.cssSelector("#rows td.line")).stream().map(WebElement::getText).toList();
	}

}
