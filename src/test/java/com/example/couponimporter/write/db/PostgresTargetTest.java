package com.example.couponimporter.write.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The database target on a real PostgreSQL (SPEC §7.1): stored content, on-existing modes, results, lineage. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresTargetTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	private static final Path ALL_FIELDS = Path.of("src/test/resources/fixtures/all-fields.jsonl");

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@BeforeEach
	void emptyTable() {
		ImportRun.run(this.dir.resolve("migrate"), args("--importer.input=" + ALL_FIELDS, "--importer.force=true"));
		db.clearSeries();
	}

	@Test
	void everyFieldIsStoredInItsColumnNormalisedAndTyped() {
		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + ALL_FIELDS, "--importer.force=true"));

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("2/2/0/0/0");
		Map<String, Object> row = db.jdbc().queryForMap("SELECT *, redemption_range::text AS range_text, "
				+ "custom_property_map::text AS props_text, product_info::text AS products_text, "
				+ "store_ids_json::text AS stores_text, target_user_details::text AS target_text, "
				+ "redemption_org_entity_details::text AS entities_text, redeem_at_store::text AS at_store_text "
				+ "FROM coupon_series WHERE series_code = 'FULL-001'");
		assertThat(row).contains(entry("org_id", 100737L), entry("description", "Every field"),
				entry("discount_code", "FULL20"), entry("discount_type", "PERC"),
				entry("discount_value", new java.math.BigDecimal("20.5")), entry("discount_upto", new java.math.BigDecimal("150")),
				entry("discount_on", "BILL"), entry("client_handling_type", "DISC_CODE"),
				entry("expiry_strategy_type", "DAYS"), entry("expiry_strategy_value", 30L), entry("any_user", true),
				entry("is_transferrable", true), entry("is_multiple_use_allowed", false), entry("is_sms_disabled", false),
				entry("is_dvs_enabled", true), entry("resend_message_enabled", false),
				entry("sms_template", "Hi {{first_name}}, {{voucher}}"), entry("short_sms_template", "{{voucher_code}}"),
				entry("max_create", 10000L), entry("max_vouchers_per_user", 2L), entry("redemption_per_coupon_max_limit", 4L),
				entry("created_by", 75154383L), entry("num_issued", 120L), entry("num_redeemed", 30L), entry("priority", 5L),
				entry("campaign_id", 8812L), entry("min_bill_amount", new java.math.BigDecimal("499.99")),
				entry("max_bill_amount", new java.math.BigDecimal("5000")), entry("redeem_store_type", "redeemable_stores"),
				entry("coupon_prefix", "SPR"), entry("coupon_suffix", "X1"), entry("random_code_length", 8L));
		assertThat(row.get("range_text")).isEqualTo("{\"dom\": [1, 15, 31], \"dow\": [-1], \"hours\": [0, 23]}");
		assertThat(row.get("stores_text")).isEqualTo("[1201, 1202]");
		assertThat(row.get("props_text"))
			.isEqualTo("{\"campaign\": \"spring\", \"standard_terms_and_conditions\": \"T&C apply\"}");
		assertThat(row.get("products_text")).isEqualTo("[{\"productIds\": [101, 102], \"productType\": \"SKU\"}, "
				+ "{\"productType\": \"BRAND\", \"productCodes\": [\"ACME\"]}]");
		assertThat(row.get("entities_text")).isEqualTo("[{\"orgEntityId\": 1201, \"redemptionOrgEntityType\": \"STORE\"}]");
		assertThat(row.get("target_text"))
			.isEqualTo("{\"validMaxUserTransactionLimit\": 3, \"validUserRegistrationStartTime\": \"2020-01-01\"}");
		assertThat(db.jdbc().queryForObject("SELECT valid_till_date = '2099-06-30T18:29:59Z'::timestamptz AND "
				+ "created_on = '2026-01-15T10:00:00Z' AND redemption_valid_from = '2026-12-31T18:30:00Z' "
				+ "AND dvs_expiry_date = '2099-01-01T03:45:00Z' "
				+ "FROM coupon_series WHERE series_code = 'FULL-001'", Boolean.class)).isTrue();
	}

	@Test
	void quotesBackslashesLineBreaksAndControlCharactersSurviveTheCopyEncoding() throws IOException {
		String record = "{\"orgId\": 1, \"seriesCode\": \"Q-1\", "
				+ "\"description\": \"say \\\"hi\\\", a\\nb \\\\ ü € 😀 \\ud800\", "
				+ "\"discountCode\": \"C\", \"discountType\": \"ABS\", \"discountValue\": 10, "
				+ "\"validTillDate\": \"2099-01-01T00:00:00Z\", \"smsTemplate\": \"Hi\", "
				+ "\"customPropertyMap\": {\"q\": \"say \\\"hi\\\", \\\\ \\u0007 ü € 😀\"}, "
				+ "\"targetUserDetails\": {\"n\": [1.5, true, null]}}\n";
		Path input = write("quotes.jsonl", record);

		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input));

		assertThat(run.counts()).isEqualTo("1/1/0/0/0");
		Map<String, Object> row = db.jdbc().queryForMap("SELECT series_code, description, custom_property_map->>'q' AS q, "
				+ "target_user_details->'n' AS n FROM coupon_series");
		assertThat(row.get("series_code")).isEqualTo("Q-1");
		assertThat(row.get("description")).as("UTF-8 of 2, 3 and 4 bytes; a lone surrogate as ?")
			.isEqualTo("say \"hi\", a\nb \\ ü € 😀 ?");
		assertThat(row.get("q")).isEqualTo("say \"hi\", \\ \u0007 ü € 😀");
		assertThat(row.get("n")).hasToString("[1.5, true, null]");
	}

	/**
	 * UTF-8 CSV cells are cut from the line's bytes (Utf8CellSplitter) unless a record needs the full quoting
	 * rules: both ways must store and report the same text.
	 */
	@Test
	void csvCellsCutFromTheirBytesKeepTheirTextAndRejectsShowTheWholeRecord() throws IOException {
		String header = "orgId,seriesCode,description,discountCode,discountType,discountValue,validTillDate,smsTemplate,"
				+ "customPropertyMap,info\n";
		byte[] invalid = "1,U6,caf\u00e9 \u00e9,CODE,ABS,10,2099-01-01T00:00:00Z,Hi,{},x\n".getBytes(StandardCharsets.UTF_8);
		invalid[10] = (byte) 0xC3; // "é " becomes a lead byte followed by another lead byte
		String text = header
				+ "1,U1,Grüße 😀 日本語,C\u00e9,ABS,10,2099-01-01T00:00:00Z,Hi,\"{\"\"k\"\": \"\"a, b\"\"}\",\n"
				+ "1,U2,Grüße 😀 日本語,C\u00e9,ABS,10,2099-01-01T00:00:00Z,Hi,\"{\"\"k\"\": \"\"a, b\"\"}\",\"\"\n"
				+ "1,U3,\"\uFFFD as text\",CODE,ABS,10,2099-01-01T00:00:00Z,\"Hi, \"\"you\"\"\",{},\"two\nlines\"\n"
				+ "1,U4,Ünïcödé,CODE,ABS,-5,2099-01-01T00:00:00Z,Hi,\"{\"\"k\"\": \"\"\u20ac\"\"}\",\n"
				+ "1,U5,in\"side,CODE,ABS,10,2099-01-01T00:00:00Z,Hi,{},x\n";
		Path input = this.dir.resolve("bytes.csv");
		Files.write(input, concat(text.getBytes(StandardCharsets.UTF_8), invalid));

		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input));

		assertThat(run.counts()).isEqualTo("6/3/0/0/3");
		assertThat(db.jdbc().queryForList("SELECT series_code || '|' || description || '|' || discount_code || '|' "
				+ "|| sms_template || '|' || custom_property_map::text || '|' || coalesce(info, '-') FROM coupon_series "
				+ "ORDER BY series_code", String.class))
			.containsExactly("U1|Grüße 😀 日本語|Cé|Hi|{\"k\": \"a, b\"}|-", "U2|Grüße 😀 日本語|Cé|Hi|{\"k\": \"a, b\"}|-",
					"U3|\uFFFD as text|CODE|Hi, \"you\"|{}|two\nlines");
		assertThat(run.rejectCodesByLine()).containsExactly(entry(6L, "discountValue=INVALID_VALUE"),
				entry(7L, "*=MALFORMED"), entry(8L, "*=MALFORMED"));
		List<Map<String, String>> rejects = run.rejects();
		assertThat(rejects.get(0)).containsEntry("description", "Ünïcödé")
			.containsEntry("customPropertyMap", "{\"k\": \"\u20ac\"}");
		assertThat(rejects.get(1).get("orgId")).isEqualTo("1,U5,in\"side,CODE,ABS,10,2099-01-01T00:00:00Z,Hi,{},x");
		assertThat(rejects.get(2).get("_error_messages")).contains("not valid UTF-8");
		assertThat(rejects.get(2).get("orgId")).startsWith("1,U6,caf\u00e9\uFFFD");
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	/** PostgreSQL refuses a NUL in text and jsonb: the record is rejected, not the import failed at its chunk. */
	@Test
	void aNulCharacterRejectsItsRecordInsteadOfFailingTheImport() throws IOException {
		Path jsonl = write("nul.jsonl", series("N1", ", \"info\": \"a\\u0000b\"")
				+ series("N2", ", \"customPropertyMap\": {\"k\": \"x\\u0000\"}")
				+ series("N3", ", \"info\": \"an escaped backslash: \\\\u0000\""));

		ImportRun run = ImportRun.run(this.dir.resolve("jsonl"), args("--importer.input=" + jsonl));

		assertThat(run.exitCode()).as("rejects alone do not fail an import").isZero();
		assertThat(run.counts()).isEqualTo("3/1/0/0/2");
		assertThat(run.jsonRejects()).extracting(line -> line.path("_line").asLong() + " "
				+ line.path("_errors").path(0).path("code").asString() + " "
				+ line.path("_errors").path(0).path("message").asString())
			.containsExactly("1 INVALID_VALUE info must not contain the NUL character (\\u0000), which PostgreSQL "
					+ "cannot store; remove it", "2 INVALID_VALUE customPropertyMap must not contain the NUL character "
					+ "(\\u0000), which PostgreSQL cannot store; remove it");
		assertThat(db.jdbc().queryForObject("SELECT info FROM coupon_series WHERE series_code = 'N3'", String.class))
			.isEqualTo("an escaped backslash: \\u0000");

		Path csv = write("nul.csv", HEADER + "1,C1,a\0b,CODE,ABS,10,2099-01-01T00:00:00Z,Hi\n" + valid("C2"));
		ImportRun csvRun = ImportRun.run(this.dir.resolve("csv"), args("--importer.input=" + csv));

		assertThat(csvRun.counts()).isEqualTo("2/1/0/0/1");
		assertThat(csvRun.rejects()).singleElement()
			.satisfies(row -> assertThat(row.get("_error_codes")).isEqualTo("description=INVALID_VALUE"));
	}

	/** The binary COPY needs each column's own type; a column changed by hand is named with the fix. */
	@Test
	void aColumnWhoseTypeWasChangedFailsTheImportNamingTheColumnAndTheFix(CapturedOutput output) throws IOException {
		Path input = write("typed.csv", HEADER + valid("T1"));
		db.jdbc().execute("ALTER TABLE coupon_series ALTER max_create TYPE integer");
		try {
			ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input));

			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(output).contains("The column coupon_series.max_create is integer, but the importer writes bigint "
					+ "values into it (binary COPY). Its Flyway migrations created it as bigint; change it back (ALTER "
					+ "TABLE coupon_series ALTER max_create TYPE bigint) and run the same command again")
				.doesNotContain("\tat ");
		}
		finally {
			db.jdbc().execute("ALTER TABLE coupon_series ALTER max_create TYPE bigint");
		}
		db.jdbc().execute("ALTER TABLE coupon_series ALTER description TYPE varchar(500)");
		try {
			assertThat(ImportRun.run(this.dir.resolve("varchar"), args("--importer.input=" + input)).counts())
				.as("varchar takes text's binary form").isEqualTo("1/1/0/0/0");
		}
		finally {
			db.jdbc().execute("ALTER TABLE coupon_series ALTER description TYPE text");
		}
	}

	/** Numeric columns are written in PostgreSQL's binary form: base-10000 digits, weight, sign and scale. */
	@Test
	void decimalsAreStoredWithTheDigitsAndScaleGiven() throws IOException {
		String header = "orgId,seriesCode,description,discountCode,discountType,discountValue,validTillDate,smsTemplate,"
				+ "minBillAmount,maxBillAmount\n";
		Path input = write("decimals.csv", header + decimals("D1", "0.01", "0", "0.00")
				+ decimals("D2", "12.50", "-1.00", "10000") + decimals("D3", "1.500", "0.5", "99999999.99")
				+ decimals("D4", "123456789012345678901234567890.12", "1000000.10", "100000000")
				+ decimals("D5", "+0007.2", "-1", "20000.01"));

		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input));

		assertThat(run.counts()).isEqualTo("5/5/0/0/0");
		assertThat(db.jdbc().queryForList("SELECT series_code || ' ' || discount_value || ' ' || min_bill_amount || ' ' "
				+ "|| max_bill_amount FROM coupon_series ORDER BY series_code", String.class))
			.containsExactly("D1 0.01 0 0.00", "D2 12.50 -1.00 10000", "D3 1.500 0.5 99999999.99",
					"D4 123456789012345678901234567890.12 1000000.10 100000000", "D5 7.2 -1 20000.01");
	}

	private static String decimals(String code, String discountValue, String minBill, String maxBill) {
		return "1," + code + ",Good,CODE,ABS," + discountValue + ",2099-01-01T00:00:00Z,Hi," + minBill + "," + maxBill
				+ "\n";
	}

	@Test
	void fieldsFirstGivenByALaterRecordAreStoredWhereverTheyComeInAChunk() throws IOException {
		Path input = write("widening.jsonl", series("W1", "") + series("W2", ", \"info\": \"two\"") + series("W3", "")
				+ series("W4", ", \"shortSMSTemplate\": \"S4\", \"info\": \"four\"") + series("W5", ""));

		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input, "--importer.chunk-size=2"));

		assertThat(run.counts()).isEqualTo("5/5/0/0/0");
		assertThat(infoAndShortTemplate()).containsExactly("W1 - -", "W2 two -", "W3 - -", "W4 four S4", "W5 - -");

		Path again = write("again.jsonl", series("W1", ", \"info\": \"one\"") + series("W2", "") + series("W4", ""));
		ImportRun update = ImportRun.run(this.dir.resolve("u"), args("--importer.input=" + again,
				"--importer.on-existing=update", "--importer.chunk-size=2"));

		assertThat(update.counts()).isEqualTo("3/0/3/0/0");
		assertThat(infoAndShortTemplate()).containsExactly("W1 one -", "W2 - -", "W3 - -", "W4 - -", "W5 - -");
	}

	@Test
	void onlyTheImportTimeHasAColumnDefaultSinceCopyLeavesOutColumnsNoSeriesFills() {
		assertThat(db.jdbc().queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = "
				+ "'coupon_series' AND table_schema = current_schema() AND column_default IS NOT NULL", String.class))
			.containsExactly("imported_at");
	}

	private static String series(String code, String more) {
		return "{\"orgId\": 1, \"seriesCode\": \"" + code + "\", \"description\": \"Good\", \"discountCode\": \"C\", "
				+ "\"discountType\": \"ABS\", \"discountValue\": 10, \"validTillDate\": \"2099-01-01T00:00:00Z\", "
				+ "\"smsTemplate\": \"Hi\"" + more + "}\n";
	}

	private static List<String> infoAndShortTemplate() {
		return db.jdbc().queryForList("SELECT series_code || ' ' || coalesce(info, '-') || ' ' "
				+ "|| coalesce(short_sms_template, '-') FROM coupon_series ORDER BY series_code", String.class);
	}

	@Test
	void recordKeepingFieldsOfAnApiExportAreStored() {
		ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + ALL_FIELDS, "--importer.force=true"));

		Map<String, Object> row = db.jdbc().queryForMap("SELECT source_series_id, valid_days_from_creation, num_total, "
				+ "latest_issual_time, fixed_expiry_date, series_type, owned_by, owner_id, tag, redeem_at_store::text AS at_store, "
				+ "signal_redemption_event, short_code_length, is_valid_with_discounted_item, max_referrals_per_referee, "
				+ "warnings::text AS warnings_text, last_used = '2026-03-01T12:00:00Z' AS last_used_ok "
				+ "FROM coupon_series WHERE series_code = 'FULL-001'");

		assertThat(row).containsExactly(entry("source_series_id", 927443L), entry("valid_days_from_creation", 30L),
				entry("num_total", 150L), entry("latest_issual_time", 1767225600000L),
				entry("fixed_expiry_date", 4086028800000L), entry("series_type", "UNDEFINED"), entry("owned_by", "NONE"),
				entry("owner_id", -1L), entry("tag", "migrated"), entry("at_store", "[-1]"),
				entry("signal_redemption_event", true), entry("short_code_length", 6L),
				entry("is_valid_with_discounted_item", true), entry("max_referrals_per_referee", -1L),
				entry("warnings_text", "[]"), entry("last_used_ok", true));
		assertThat(db.jdbc().queryForObject("SELECT id <> 927443 FROM coupon_series WHERE series_code = 'FULL-001'",
				Boolean.class)).as("the source id is never reused as the new id").isTrue();
	}

	@Test
	void defaultsAreStoredForFieldsNotGiven() {
		ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + ALL_FIELDS, "--importer.force=true"));

		Map<String, Object> row = db.jdbc().queryForMap("SELECT discount_upto, discount_on, client_handling_type, "
				+ "expiry_strategy_type, expiry_strategy_value, any_user, resend_message_enabled, max_create, "
				+ "redemption_valid_after_days, campaign_id, min_bill_amount, redemption_range::text AS rr, "
				+ "store_ids_json::text AS stores, mutual_exclusive_series_ids::text AS mutual, "
				+ "custom_property_map::text AS props, redeem_store_type, num_issued, priority, created_by, product_info "
				+ "FROM coupon_series WHERE series_code = 'MIN-001'");

		assertThat(row).containsExactly(entry("discount_upto", new java.math.BigDecimal("0")), entry("discount_on", "BILL"),
				entry("client_handling_type", "DISC_CODE"), entry("expiry_strategy_type", "SERIES_EXPIRY"),
				entry("expiry_strategy_value", 1L), entry("any_user", false), entry("resend_message_enabled", true),
				entry("max_create", -1L), entry("redemption_valid_after_days", 0L), entry("campaign_id", -1L),
				entry("min_bill_amount", new java.math.BigDecimal("-1")),
				entry("rr", "{\"dom\": [-1], \"dow\": [-1], \"hours\": [-1]}"), entry("stores", "[-1]"),
				entry("mutual", "[-1]"), entry("props", "{}"), entry("redeem_store_type", "redeemable_stores"),
				entry("num_issued", 0L), entry("priority", 0L), entry("created_by", null), entry("product_info", null));
	}

	@Test
	void resultsFileIdsAreTheDatabaseIdsAndLineageIsRecorded() throws IOException {
		Path input = Files.writeString(this.dir.resolve("lineage.csv"), HEADER + valid("L1") + valid("L2"));

		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input));

		List<Map<String, String>> results = run.results();
		assertThat(results).hasSize(2);
		long executionId = run.summary().get("jobExecutionId").asLong();
		for (Map<String, String> result : results) {
			Map<String, Object> row = db.jdbc().queryForMap("SELECT id, import_file, import_line, import_job_execution_id, "
					+ "imported_at FROM coupon_series WHERE org_id = ? AND series_code = ?",
					Long.parseLong(result.get("orgId")), result.get("seriesCode"));
			assertThat(row.get("id")).hasToString(result.get("id"));
			assertThat(row.get("import_line")).hasToString(result.get("_line"));
			assertThat(row).containsEntry("import_file", input.toString()).containsEntry("import_job_execution_id", executionId);
			assertThat(((Timestamp) row.get("imported_at")).toInstant())
				.isBetween(Instant.parse(run.summary().get("startedAt").asString()),
						Instant.parse(run.summary().get("endedAt").asString()));
			assertThat(result.get("outcome")).isEqualTo("created");
		}
		assertThat(results).extracting(r -> r.get("_line")).containsExactly("2", "3");
	}

	@Test
	void onExistingSkipLeavesTheStoredRowAlone() throws IOException {
		ImportRun.run(this.dir.resolve("first"), args("--importer.input=" + write("a.csv", HEADER + valid("S1"))));
		Path changed = write("b.csv", HEADER + valid("S1").replace("Good", "Changed") + valid("S2"));

		ImportRun run = ImportRun.run(this.dir.resolve("second"), args("--importer.input=" + changed));

		assertThat(run.counts()).isEqualTo("2/1/0/1/0");
		assertThat(description("S1")).isEqualTo("Good");
		assertThat(run.results()).extracting(r -> r.get("seriesCode") + ":" + r.get("outcome"))
			.containsExactly("S1:existing", "S2:created");
		assertThat(run.results().get(0).get("id")).isEqualTo(idOf("S1"));
	}

	@Test
	void onExistingUpdateOverwritesRequestFieldsAndLineage() throws IOException {
		ImportRun first = ImportRun.run(this.dir.resolve("first"), args("--importer.input=" + write("a.csv", HEADER + valid("U1"))));
		String id = idOf("U1");
		Path changed = write("b.csv", HEADER + valid("U1").replace("Good", "Changed").replace(",10,", ",25,"));

		ImportRun run = ImportRun.run(this.dir.resolve("second"), args("--importer.input=" + changed,
				"--importer.on-existing=update"));

		assertThat(run.counts()).isEqualTo("1/0/1/0/0");
		Map<String, Object> row = db.jdbc().queryForMap(
				"SELECT id, description, discount_value, import_file, import_job_execution_id, imported_at FROM coupon_series "
						+ "WHERE series_code = 'U1'");
		assertThat(row.get("id")).hasToString(id);
		assertThat(row).containsEntry("description", "Changed").containsEntry("import_file", changed.toString())
			.containsEntry("discount_value", new java.math.BigDecimal("25"))
			.containsEntry("import_job_execution_id", run.summary().get("jobExecutionId").asLong());
		assertThat(run.summary().get("jobExecutionId").asLong()).isNotEqualTo(first.summary().get("jobExecutionId").asLong());
		assertThat(((Timestamp) row.get("imported_at")).toInstant())
			.isAfterOrEqualTo(Instant.parse(run.summary().get("startedAt").asString()));
		assertThat(run.results().get(0)).containsEntry("outcome", "updated").containsEntry("id", id);
	}

	@Test
	void onExistingRejectRefusesExistingSeries() throws IOException {
		ImportRun.run(this.dir.resolve("first"), args("--importer.input=" + write("a.csv", HEADER + valid("R1"))));
		Path again = write("b.csv", HEADER + valid("R1") + valid("R2"));

		ImportRun run = ImportRun.run(this.dir.resolve("second"), args("--importer.input=" + again,
				"--importer.on-existing=reject"));

		assertThat(run.counts()).isEqualTo("2/1/0/0/1");
		assertThat(run.rejectCodesByLine()).containsExactly(entry(2L, "seriesCode=ALREADY_EXISTS"));
		assertThat(run.rejects().get(0).get("_error_messages"))
			.isEqualTo("seriesCode R1 of org 1 already exists in the database (id " + idOf("R1")
					+ "); importer.on-existing=reject refuses existing series");
	}

	@Test
	void rerunningACompletedFileDoesNothingAndForceMakesEverySeriesExisting(CapturedOutput output) throws IOException {
		Path input = write("again.csv", HEADER + valid("F1") + valid("F2"));
		ImportRun first = ImportRun.run(this.dir.resolve("first"), args("--importer.input=" + input));

		ImportRun noop = ImportRun.run(this.dir.resolve("noop"), args("--importer.input=" + input));
		ImportRun forced = ImportRun.run(this.dir.resolve("forced"), args("--importer.input=" + input, "--importer.force=true"));

		assertThat(first.counts()).isEqualTo("2/2/0/0/0");
		assertThat(noop.exitCode()).isZero();
		assertThat(noop.files("")).isEmpty();
		assertThat(output).contains("was already imported completely for target db; nothing to do");
		assertThat(forced.exitCode()).isZero();
		assertThat(forced.counts()).isEqualTo("2/0/0/2/0");
		assertThat(forced.summary().get("jobInstanceId").asLong())
			.isNotEqualTo(first.summary().get("jobInstanceId").asLong());
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM coupon_series", Long.class)).isEqualTo(2);
	}

	@Test
	void duplicatesInOneChunkAndAcrossChunksAreRejectedOnce() throws IOException {
		Path input = write("dups.csv", HEADER + valid("D1") + valid("D2") + valid("D1") + valid("D3") + valid("D2"));

		ImportRun run = ImportRun.run(this.dir.resolve("r"), args("--importer.input=" + input, "--importer.chunk-size=2"));

		assertThat(run.rejectCodesByLine()).containsExactly(entry(4L, "seriesCode=DUPLICATE_IN_FILE"),
				entry(6L, "seriesCode=DUPLICATE_IN_FILE"));
		assertThat(run.counts()).isEqualTo("5/3/0/0/2");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM coupon_series", Long.class)).isEqualTo(3);
	}

	/**
	 * An accepted record keeps only its place in the input while it waits for its chunk (its text, for a
	 * compressed input); a record the database then refuses is read again and reported as it was read: every
	 * cell (quoted, multi-line, with quotes inside, after a byte-order mark, blank lines and CRLF line ends),
	 * or the whole JSON object as given, wrapper included.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void recordsTheDatabaseRefusesAreReadAgainAndReportedAsRead(boolean gzip) throws IOException {
		ImportRun.run(this.dir.resolve("first"), args("--importer.input=" + write("first.csv", HEADER + valid("M1")
				+ valid("M2") + valid("W1")), "--importer.force=true"));
		String multiLine = "1,M1,\"Two\r\nlines, \"\"quoted\"\"\",CODE,ABS,10,2099-01-01T00:00:00Z,Hi\r\n";
		Path csv = input("m.csv", "\uFEFF" + HEADER.replace("\n", "\r\n") + valid("N1").replace("\n", "\r\n") + "\r\n  \r\n"
				+ multiLine + "1,M2,Ünï 😀,CODE,ABS,10,2099-01-01T00:00:00Z,Hi", gzip);

		ImportRun csvRun = ImportRun.run(this.dir.resolve("csv"), args("--importer.input=" + csv,
				"--importer.on-existing=reject"));

		assertThat(csvRun.counts()).isEqualTo("3/1/0/0/2");
		assertThat(csvRun.rejects()).satisfiesExactly(row -> {
			assertThat(row).containsEntry("_line", "5").containsEntry("_error_codes", "seriesCode=ALREADY_EXISTS");
			assertThat(cells(row)).containsExactly("1", "M1", "Two\r\nlines, \"quoted\"", "CODE", "ABS", "10",
					"2099-01-01T00:00:00Z", "Hi");
		}, row -> {
			assertThat(row).containsEntry("_line", "7").containsEntry("_error_codes", "seriesCode=ALREADY_EXISTS");
			assertThat(cells(row)).containsExactly("1", "M2", "Ünï 😀", "CODE", "ABS", "10", "2099-01-01T00:00:00Z", "Hi");
		});

		String wrapped = "{\"CouponSeriesV2\": {\"orgId\": 1, \"seriesCode\": \"W1\", \"description\": \"Good 😀\", "
				+ "\"discountCode\": \"C\", \"discountType\": \"ABS\", \"discountValue\": 10.5, "
				+ "\"validTillDate\": \"2099-01-01T00:00:00Z\", \"smsTemplate\": \"Hi\"}, \"_source\": \"crm\"}";
		Path jsonl = input("w.jsonl", "\n" + wrapped.replace("W1", "W2") + "\r\n" + wrapped + "\n", gzip);

		ImportRun jsonRun = ImportRun.run(this.dir.resolve("jsonl"), args("--importer.input=" + jsonl,
				"--importer.on-existing=reject"));

		assertThat(jsonRun.counts()).isEqualTo("2/1/0/0/1");
		assertThat(jsonRun.jsonRejects()).singleElement().satisfies(line -> {
			assertThat(line.path("_line").asLong()).isEqualTo(3);
			assertThat(line.path("CouponSeriesV2").path("discountValue").decimalValue()).isEqualByComparingTo("10.5");
			assertThat(line.path("CouponSeriesV2").path("description").asString()).isEqualTo("Good 😀");
			assertThat(line.has("_source")).as("the report's own keys start with _").isFalse();
			assertThat(line.path("_errors").path(0).path("code").asString()).isEqualTo("ALREADY_EXISTS");
		});
	}

	/** The cells of a CSV reject report's row under the input's own columns, in their order. */
	private static List<String> cells(Map<String, String> row) {
		return List.of(HEADER.strip().split(",")).stream().map(row::get).toList();
	}

	private Path input(String name, String content, boolean gzip) throws IOException {
		if (!gzip) {
			return write(name, content);
		}
		Path file = this.dir.resolve(name + ".gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		return file;
	}

	/**
	 * Chunks of three: a repeat within a chunk, a repeat of a series this import created, of one it found
	 * existing, and a repeat of a repeat.
	 */
	@Test
	void duplicatesOfCreatedAndOfExistingSeriesAreRejectedNamingTheFirstLine() throws IOException {
		ImportRun.run(this.dir.resolve("first"), args("--importer.input=" + write("a.csv", HEADER + valid("E1") + valid("E2"))));
		String lines = valid("E1") + valid("N1") + valid("E1").replace("Good", "Second") + valid("N1") + valid("E1")
				+ valid("N2") + valid("N2") + valid("N2") + valid("E2");

		ImportRun skip = ImportRun.run(this.dir.resolve("skip"), args("--importer.input=" + write("b.csv", HEADER + lines),
				"--importer.chunk-size=3"));

		assertThat(skip.counts()).isEqualTo("9/2/0/2/5");
		assertThat(skip.rejects()).extracting(r -> r.get("_line") + ": " + r.get("_error_messages")).containsExactly(
				"4: seriesCode E1 of org 1 is already defined on line 2 of this file; the first one wins",
				"5: seriesCode N1 of org 1 is already defined on line 3 of this file; the first one wins",
				"6: seriesCode E1 of org 1 is already defined on line 2 of this file; the first one wins",
				"8: seriesCode N2 of org 1 is already defined on line 7 of this file; the first one wins",
				"9: seriesCode N2 of org 1 is already defined on line 7 of this file; the first one wins");
		assertThat(skip.results()).extracting(r -> r.get("_line") + " " + r.get("seriesCode") + " " + r.get("outcome"))
			.containsExactly("2 E1 existing", "3 N1 created", "7 N2 created", "10 E2 existing");
		assertThat(description("E1")).isEqualTo("Good");
		assertThat(skip.files("keys")).as("the keys of a completed import are removed").isEmpty();

		db.clearSeries();
		ImportRun.run(this.dir.resolve("again"), args("--importer.input=" + write("c.csv", HEADER + valid("E1") + valid("E2")),
				"--importer.force=true"));
		ImportRun update = ImportRun.run(this.dir.resolve("update"), args("--importer.input=" + write("d.csv", HEADER + lines),
				"--importer.chunk-size=3", "--importer.on-existing=update", "--importer.force=true"));

		assertThat(update.counts()).isEqualTo("9/2/2/0/5");
		assertThat(update.rejectCodesByLine()).containsOnlyKeys(4L, 5L, 6L, 8L, 9L);
		assertThat(description("E1")).as("the first definition wins").isEqualTo("Good");
		assertThat(db.jdbc().queryForObject("SELECT import_line FROM coupon_series WHERE series_code = 'E1'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void theDatabaseUrlIsLoggedWithoutCredentials(CapturedOutput output) throws IOException {
		Path input = write("secret.csv", HEADER + valid("P1"));

		int exit = ImportRun.run(this.dir.resolve("r"), "--importer.input=" + input,
				"--spring.datasource.url=" + db.url() + "?user=postgres&password=not-a-real-secret").exitCode();

		assertThat(exit).isZero();
		assertThat(output).contains("Writing to the database " + db.url() + "?user=***&password=*** (table coupon_series)")
			.doesNotContain("not-a-real-secret");
	}

	@Test
	void anUnreachableDatabaseFailsWithExitCode1AndOneSentence(CapturedOutput output) throws IOException {
		Path input = write("down.csv", HEADER + valid("X1"));

		int exit = ImportRun.run(this.dir.resolve("r"), "--importer.input=" + input,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none?password=s3cret",
				"--spring.datasource.hikari.connection-timeout=1000").exitCode();

		assertThat(exit).isEqualTo(1);
		assertThat(output).contains("Cannot reach the database").doesNotContain("s3cret").doesNotContain("\tat ");
	}

	private String[] args(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(db.args(), 0, all, 0, 2);
		System.arraycopy(args, 0, all, 2, args.length);
		return all;
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static String valid(String code) {
		return "1," + code + ",Good,CODE,ABS,10,2099-01-01T00:00:00Z,Hi\n";
	}

	private static String description(String code) {
		return db.jdbc().queryForObject("SELECT description FROM coupon_series WHERE series_code = ?", String.class, code);
	}

	private static String idOf(String code) {
		return String.valueOf(db.jdbc().queryForObject("SELECT id FROM coupon_series WHERE series_code = ?", Long.class, code));
	}

}
