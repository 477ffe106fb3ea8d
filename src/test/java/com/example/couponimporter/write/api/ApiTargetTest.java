package com.example.couponimporter.write.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.FakeCouponApi;
import com.example.couponimporter.support.FakeCouponApi.Call;
import com.example.couponimporter.support.FakeCouponApi.Fault;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The API target (SPEC §7.2) against a fake of the API, with the ledger in a real PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class ApiTargetTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	/** Capillary's worked example: store.server / server123. */
	private static final String BASIC_STORE_SERVER = "Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3";

	private static final Path ALL_FIELDS = Path.of("src/test/resources/fixtures/all-fields.jsonl");

	private final FakeCouponApi api = new FakeCouponApi();

	@TempDir
	Path dir;

	@AfterEach
	void stopFake() {
		this.api.close();
	}

	@Test
	void sendsEveryFieldAsTheApiDocumentsItWithBasicAuth() throws IOException {
		this.api.basic(BASIC_STORE_SERVER);

		ImportRun run = run(ALL_FIELDS, "--importer.api.username=store.server", "--importer.api.password=server123");

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("2/2/0/0/0");
		Call full = this.api.creates().stream().filter(c -> c.body().contains("FULL-001")).findFirst().orElseThrow();
		assertThat(full.json()).isEqualTo(JsonMapper.shared()
			.readTree(Files.readString(Path.of("src/test/resources/fixtures/api/all-fields.request.json"))));
		assertThat(full.headers().get("Authorization")).isEqualTo(BASIC_STORE_SERVER);
		assertThat(full.headers().get("Content-Type")).isEqualTo("application/json");
		assertThat(full.headers().get("Accept")).isEqualTo("application/json");
		assertThat(run.results()).extracting(r -> r.get("seriesCode") + "=" + r.get("id") + " " + r.get("outcome"))
			.containsExactly("FULL-001=" + this.api.idOf("FULL-001") + " created",
					"MIN-001=" + this.api.idOf("MIN-001") + " created");
		assertThat(db.jdbc().queryForList("SELECT series_code || ' ' || status || ' ' || series_id || ' ' || "
				+ "(request_id LIKE 'req-%') FROM api_ledger WHERE api_base_url = ? ORDER BY series_code", String.class,
				this.api.baseUrl()))
			.containsExactly("FULL-001 CREATED " + this.api.idOf("FULL-001") + " true",
					"MIN-001 CREATED " + this.api.idOf("MIN-001") + " true");
	}

	@Test
	void oauthTokensAreRenewedBeforeTheyExpire() throws IOException {
		this.api.oauth("client-key", "client-secret", 1);

		ImportRun run = run(series(30), "--importer.api.oauth-key=client-key", "--importer.api.oauth-secret=client-secret",
				"--importer.api.max-rate=20", "--importer.api.concurrency=2");

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("30/30/0/0/0");
		assertThat(this.api.calls()).filteredOn(c -> c.status() == 401).isEmpty();
		assertThat(this.api.calls()).filteredOn(c -> c.path().equals("/v3/oauth/token/generate")).hasSizeGreaterThan(1);
		assertThat(this.api.creates()).allSatisfy(c -> assertThat(c.headers().get("X-CAP-API-OAUTH-TOKEN")).startsWith("token-"));
	}

	@Test
	void aRefusedTokenIsRenewedOnceAndTheCallRepeated() throws IOException {
		this.api.oauth("client-key", "client-secret", 3600).revokeTokensAfter(5);

		ImportRun run = run(series(10), "--importer.api.oauth-key=client-key", "--importer.api.oauth-secret=client-secret",
				"--importer.api.concurrency=1");

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("10/10/0/0/0");
		assertThat(this.api.calls()).extracting(c -> c.method() + " " + c.path() + " " + c.status())
			.filteredOn(c -> !c.contains("POST /v2/coupon/series 200"))
			.containsExactly("POST /v3/oauth/token/generate 200", "POST /v2/coupon/series 401",
					"POST /v3/oauth/token/generate 200");
		assertThat(this.api.createdPerCode()).hasSize(10).allSatisfy((code, times) -> assertThat(times).isOne());
	}

	@Test
	void transientFaultsAreRetriedUntilEverySeriesIsCreatedExactlyOnce() throws IOException {
		this.api.basic(BASIC_STORE_SERVER).uniqueCodes(false).stall(Duration.ofMillis(1500))
			.faults(Fault.tooManyRequests("1"), Fault.status(503), Fault.status(502), Fault.status(500),
					Fault.createThenStall(), Fault.status(408), Fault.createThenStall());

		ImportRun run = run(series(20), basicAuth("--importer.api.concurrency=1", "--importer.api.timeout=500ms",
				"--importer.api.initial-backoff=20ms", "--importer.api.max-attempts=8"));

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("20/20/0/0/0");
		assertThat(this.api.createdPerCode()).hasSize(20).allSatisfy((code, times) -> assertThat(times).isOne());
		List<Call> creates = this.api.creates();
		assertThat(creates.get(1).arrivedNanos() - creates.get(0).arrivedNanos())
			.as("the wait the 429's Retry-After asked for").isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
		assertThat(run.results()).extracting(r -> r.get("outcome")).containsOnly("created");
	}

	@Test
	void transientFaultsThatOutlastTheAttemptsFailTheJobWithoutRejects(CapturedOutput output) throws IOException {
		this.api.basic(BASIC_STORE_SERVER).faults(Fault.status(503), Fault.status(503), Fault.status(503));

		ImportRun run = run(series(5), basicAuth("--importer.api.concurrency=1", "--importer.api.max-attempts=3",
				"--importer.api.initial-backoff=10ms"));

		assertThat(run.exitCode()).isOne();
		assertThat(run.summary().get("status").asString()).isEqualTo("FAILED");
		assertThat(run.counts()).isEqualTo("0/0/0/0/0");
		assertThat(run.files("rejects.csv")).isEmpty();
		assertThat(output).contains("Creating seriesCode CODE-1 (line 2) failed 3 times with transient faults (last: "
				+ "HTTP 503, API error 503 \"Try again later\"");

		ImportRun again = run(series(5), basicAuth());
		assertThat(again.exitCode()).isZero();
		assertThat(again.counts()).isEqualTo("5/5/0/0/0");
		assertThat(this.api.createdPerCode()).hasSize(5);
	}

	@Test
	void apiErrorsBecomeRejectsAndDuplicateCodesExisting() throws IOException {
		this.api.basic(BASIC_STORE_SERVER).reject("CODE-3", 756, "Invalid mutual exclusive series config")
			.warn("CODE-2", "store 7, \"Mall\" closed");
		long existingId = this.api.preexisting("CODE-5");

		ImportRun run = run(series(6), basicAuth());

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("6/4/0/1/1");
		assertThat(run.rejects()).singleElement().satisfies(row -> {
			assertThat(row.get("_line")).isEqualTo("4");
			assertThat(row.get("seriesCode")).isEqualTo("CODE-3");
			assertThat(row.get("_error_codes")).isEqualTo("*=API_REJECTED");
			assertThat(row.get("_error_messages")).startsWith("The API rejected the series (HTTP 400, API error 756 "
					+ "\"Invalid mutual exclusive series config\", request id req-");
		});
		assertThat(run.results()).filteredOn(r -> r.get("seriesCode").equals("CODE-5"))
			.extracting(r -> r.get("outcome") + " " + r.get("id"))
			.containsExactly("existing " + existingId);
		assertThat(run.results()).filteredOn(r -> !r.get("warnings").isEmpty()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("seriesCode", "CODE-2")
				.containsEntry("warnings", "[\"store 7, \\\"Mall\\\" closed\"]"));
		assertThat(Files.readAllLines(run.file("results.csv"))).filteredOn(line -> line.contains("CODE-2"))
			.singleElement().asString().endsWith(",created,\"[\"\"store 7, \\\"\"Mall\\\"\" closed\"\"]\"");
	}

	@Test
	void repeatedCodesAreRefusedNamingTheFirstLineAndSentOnce() throws IOException {
		this.api.basic(BASIC_STORE_SERVER);
		// chunks of 5: lines 2-6 and 7-11; at concurrency 1 the second chunk is sent in slices of lines 7 and 8-11
		Path input = series(1, 2, 3, 4, 5, 6, 2, 6, 7, 7);

		ImportRun run = run(input, basicAuth("--importer.chunk-size=5", "--importer.api.concurrency=1"));

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("10/7/0/0/3");
		assertThat(run.rejectCodesByLine()).containsExactly(Map.entry(8L, "seriesCode=DUPLICATE_IN_FILE"),
				Map.entry(9L, "seriesCode=DUPLICATE_IN_FILE"), Map.entry(11L, "seriesCode=DUPLICATE_IN_FILE"));
		String firstWins = " of this file; the first one wins";
		assertThat(run.rejects()).extracting(r -> r.get("_error_messages"))
			.containsExactly("seriesCode CODE-2 of org 100737 is already defined on line 3" + firstWins,
					"seriesCode CODE-6 of org 100737 is already defined on line 7" + firstWins,
					"seriesCode CODE-7 of org 100737 is already defined on line 10" + firstWins);
		assertThat(this.api.creates()).hasSize(7);
		assertThat(this.api.createdPerCode()).hasSize(7).allSatisfy((code, times) -> assertThat(times).isOne());
	}

	@Test
	void existingSeriesAreRejectedWhenAskedTo() throws IOException {
		this.api.basic(BASIC_STORE_SERVER).preexisting("CODE-2");

		ImportRun run = run(series(3), basicAuth("--importer.on-existing=reject"));

		assertThat(run.counts()).isEqualTo("3/2/0/0/1");
		assertThat(run.rejectCodesByLine()).containsExactly(Map.entry(3L, "seriesCode=ALREADY_EXISTS"));
	}

	@Test
	void refusedCredentialsStopTheJobAtOnce(CapturedOutput output) throws IOException {
		this.api.basic(BASIC_STORE_SERVER);

		ImportRun run = run(series(50), "--importer.api.username=store.server", "--importer.api.password=wrong-secret",
				"--importer.api.concurrency=1");

		assertThat(run.exitCode()).isOne();
		assertThat(this.api.calls()).hasSize(1);
		assertThat(run.summary().get("status").asString()).isEqualTo("FAILED");
		assertThat(output).contains("The API refused the credentials for POST /v2/coupon/series (HTTP 401")
			.contains("check importer.api.username and importer.api.password")
			.doesNotContain("wrong-secret");
	}

	@Test
	void maxRateIsNeverExceededInAnyOneSecondWindow() throws IOException {
		this.api.basic(BASIC_STORE_SERVER);

		ImportRun run = run(series(45), basicAuth("--importer.api.max-rate=15", "--importer.api.concurrency=8"));

		assertThat(run.counts()).isEqualTo("45/45/0/0/0");
		assertThat(this.api.mostCallsWithin(Duration.ofSeconds(1))).isEqualTo(15);
	}

	@Test
	void seriesLeftPendingAreLookedUpBeforeTheyAreSentAgain() throws IOException {
		this.api.basic(BASIC_STORE_SERVER);
		run(series(1), basicAuth());
		long existingId = this.api.preexisting("CODE-2");
		pending("CODE-2", "CODE-3");

		ImportRun run = run(series(4), basicAuth());

		assertThat(run.counts()).isEqualTo("4/2/0/2/0");
		assertThat(run.results()).extracting(r -> r.get("seriesCode") + " " + r.get("outcome"))
			.containsExactly("CODE-1 existing", "CODE-2 existing", "CODE-3 created", "CODE-4 created");
		assertThat(run.results().get(1).get("id")).isEqualTo(Long.toString(existingId));
		assertThat(this.api.calls()).extracting(c -> c.method() + " " + c.path())
			.contains("GET /v2/coupon/series?seriesCode=CODE-2", "GET /v2/coupon/series?seriesCode=CODE-3");
		assertThat(this.api.createdPerCode()).containsOnly(Map.entry("CODE-1", 1), Map.entry("CODE-2", 1),
				Map.entry("CODE-3", 1), Map.entry("CODE-4", 1));
	}

	@Test
	void aPendingSeriesThatCannotBeLookedUpIsRejectedInDoubt() throws IOException {
		this.api.basic(BASIC_STORE_SERVER);
		run(series(1), basicAuth());
		pending("CODE-2");
		this.api.lookupStatus(400);

		ImportRun run = run(series(3), basicAuth());

		assertThat(run.exitCode()).isZero();
		assertThat(run.rejectCodesByLine()).containsExactly(Map.entry(3L, "seriesCode=IN_DOUBT"));
		assertThat(run.rejects().get(0).get("_error_messages")).contains("seriesCode CODE-2")
			.contains("check in the API whether it exists before feeding this record again");
		assertThat(this.api.createdPerCode()).doesNotContainKey("CODE-2");
		assertThat(db.jdbc().queryForObject("SELECT status FROM api_ledger WHERE series_code = 'CODE-2' AND api_base_url = ?", String.class,
				this.api.baseUrl()))
			.isEqualTo("PENDING");
	}

	@Test
	void aDryRunWritesWhatWouldBeSentAndSendsNothing() throws IOException {
		ImportRun run = ImportRun.run(this.dir.resolve("dry"), "--importer.input=" + series(2),
				"--importer.target=api", "--importer.dry-run=true", "--importer.api.base-url=" + this.api.baseUrl());

		assertThat(run.exitCode()).isZero();
		assertThat(this.api.calls()).isEmpty();
		List<String> requests = Files.readAllLines(run.file("requests.jsonl"));
		assertThat(requests).hasSize(2);
		assertThat(JsonMapper.shared().readTree(requests.get(0)).toString()).startsWith("{\"_line\":2,\"method\":\"POST\","
				+ "\"url\":\"" + this.api.baseUrl() + "/v2/coupon/series\",\"body\":{\"CouponSeriesV2\":{\"orgId\":100737,"
				+ "\"seriesCode\":\"CODE-1\",\"description\":\"Series 1\"");
	}

	/** Leaves ledger entries as a run of another job instance that died mid-call would. */
	private void pending(String... codes) {
		for (String code : codes) {
			db.jdbc().update("INSERT INTO api_ledger (api_base_url, org_id, series_code, status, job_instance_id, "
					+ "updated_at) VALUES (?, 100737, ?, 'PENDING', 999, now())", this.api.baseUrl(), code);
		}
	}

	private ImportRun run(Path input, String... options) {
		List<String> args = new ArrayList<>(Arrays.asList(db.args()));
		args.addAll(List.of("--importer.input=" + input, "--importer.target=api", "--importer.force=true",
				"--importer.api.base-url=" + this.api.baseUrl()));
		args.addAll(List.of(options));
		return ImportRun.run(this.dir.resolve("run-" + System.nanoTime()), args.toArray(String[]::new));
	}

	private static String[] basicAuth(String... more) {
		List<String> args = new ArrayList<>(List.of("--importer.api.username=store.server",
				"--importer.api.password=server123"));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	/** A CSV file of {@code count} valid series, CODE-1 on line 2 onwards. */
	private Path series(int count) throws IOException {
		return series(java.util.stream.IntStream.rangeClosed(1, count).toArray());
	}

	/** A CSV file of valid series CODE-n, one for each number given, from line 2 onwards. */
	private Path series(int... numbers) throws IOException {
		StringBuilder csv = new StringBuilder("orgId,seriesCode,description,discountCode,discountType,discountValue,"
				+ "validTillDate,smsTemplate\n");
		for (int i : numbers) {
			csv.append("100737,CODE-").append(i).append(",Series ").append(i).append(",DISC").append(i)
				.append(",ABS,100,2099-01-01T00:00:00Z,Hi {{voucher}}\n");
		}
		Path file = this.dir.resolve("series-" + System.nanoTime() + ".csv");
		Files.writeString(file, csv);
		return file;
	}

}
