package com.example.couponimporter.read;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.ImportRun;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading JSON Lines end to end: SPEC §3 forms, typed values, unknown keys, the JSON reject report. */
class JsonLinesInputTest {

	private static final String VALID = "\"orgId\": 1, \"description\": \"d\", \"discountCode\": \"C\", "
			+ "\"discountType\": \"PERC\", \"discountValue\": 12.5, \"validTillDate\": \"2099-01-01T00:00:00Z\", "
			+ "\"smsTemplate\": \"Hi\"";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@TempDir
	Path dir;

	@Test
	void flatWrappedNestedAndStringFormsAreAccepted() throws IOException {
		Path input = write("ok.jsonl",
				"{\"seriesCode\": \"J1\", " + VALID + ", \"redemptionRange\": {\"dow\": [7, 6, 6]}}",
				"{\"CouponSeriesV2\": {\"seriesCode\": \"J2\", " + VALID + "}, \"_line\": 4}",
				"",
				"{\"seriesCode\": \"J3\", " + VALID.replace("1,", "\"1\",") + ", \"anyUser\": \"TRUE\", "
						+ "\"storeIdsJson\": \"[1, 2]\", \"maxCreate\": \"500\", \"_note\": \"ignored\"}");

		ImportRun run = dryRun(input);

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo("3/3/0/0/0");
		assertThat(run.files("rejects.jsonl")).isEmpty();
	}

	@Test
	void rejectReportKeepsTheOriginalObjectWithLineAndErrors() throws IOException {
		Path input = write("bad.jsonl",
				"{\"seriesCode\": \"K1\", " + with("discountValue", "120") + ", \"tags\": \"legacy\", \"_line\": 99}",
				"{\"seriesCode\": \"K2\", " + with("orgId", "1.5") + ", \"anyUser\": 1}",
				"{\"seriesCode\": \"K3\", ",
				"[1, 2]",
				"{\"seriesCode\": \"K4\", \"seriesCode\": \"K5\"}",
				"{\"CouponSeriesV2\": {\"seriesCode\": \"K6\", " + with("validTillDate", "20990101") + "}}");

		ImportRun run = dryRun(input);

		List<JsonNode> rejects = run.jsonRejects();
		assertThat(rejects).hasSize(6);
		assertThat(errors(rejects.get(0))).isEqualTo("discountValue=INCONSISTENT;tags=UNKNOWN_FIELD");
		assertThat(rejects.get(0).get("_line").asLong()).isEqualTo(1);
		assertThat(rejects.get(0).get("tags").asString()).isEqualTo("legacy");
		assertThat(rejects.get(0).get("seriesCode").asString()).isEqualTo("K1");
		assertThat(errors(rejects.get(1))).isEqualTo("orgId=INVALID_TYPE;anyUser=INVALID_TYPE");
		assertThat(errors(rejects.get(2))).isEqualTo("*=MALFORMED");
		assertThat(rejects.get(2).get("_raw").asString()).isEqualTo("{\"seriesCode\": \"K3\", ");
		assertThat(rejects.get(3).get("_raw").asString()).isEqualTo("[1, 2]");
		assertThat(errors(rejects.get(4))).isEqualTo("*=MALFORMED");
		assertThat(errors(rejects.get(5))).isEqualTo("validTillDate=INVALID_TYPE");
		assertThat(rejects.get(5).get("CouponSeriesV2").get("seriesCode").asString()).isEqualTo("K6");
		assertThat(run.counts()).isEqualTo("6/0/0/0/6");
	}

	@Test
	void aJsonRejectReportFedBackInCarriesOnlyFreshLineAndErrors() throws IOException {
		Path input = write("again.jsonl", "{\"seriesCode\": \"L1\", " + VALID + "}",
				"{\"seriesCode\": \"L2\", " + with("discountValue", "0") + "}");
		ImportRun first = dryRun(input);
		Path report = first.file("rejects.jsonl");

		ImportRun second = ImportRun.run(this.dir.resolve("second"), "--importer.input=" + report,
				"--importer.dry-run=true");

		List<JsonNode> rejects = second.jsonRejects();
		assertThat(rejects).hasSize(1);
		assertThat(rejects.get(0).get("_line").asLong()).isEqualTo(1);
		assertThat(errors(rejects.get(0))).isEqualTo("discountValue=INVALID_VALUE");
		assertThat(rejects.get(0).get("_errors")).hasSize(1);
	}

	/** UTF-8 records are parsed from their bytes (CompactJsonParser): text of any script as read, bad bytes malformed. */
	@Test
	void nonAsciiTextIsReadAsWrittenAndBytesThatAreNotUtf8AreMalformed() throws IOException {
		String accepted = "{\"seriesCode\": \"N1\", " + VALID.replace("\"d\"", "\"Grüße 😀 日本語\"")
				+ ", \"customPropertyMap\": {\"région\": \"Москва\"}}\n";
		String rejected = "{\"seriesCode\": \"N2\", " + with("discountValue", "0").replace("\"d\"", "\"Ünï \\u00e9 ₹\"")
				+ ", \"région\": 1}\n";
		byte[] invalid = ("{\"seriesCode\": \"N3\", " + VALID.replace("\"d\"", "\"café\"") + "}\n")
			.getBytes(StandardCharsets.UTF_8);
		int secondByteOfE = new String(invalid, StandardCharsets.UTF_8).indexOf("é") + 1; // all ASCII before it
		invalid[secondByteOfE] = 'x';
		Path input = this.dir.resolve("scripts.jsonl");
		Files.write(input, (accepted + rejected).getBytes(StandardCharsets.UTF_8));
		Files.write(input, invalid, java.nio.file.StandardOpenOption.APPEND);

		ImportRun run = dryRun(input);

		assertThat(run.counts()).isEqualTo("3/1/0/0/2");
		List<JsonNode> rejects = run.jsonRejects();
		assertThat(errors(rejects.get(0))).isEqualTo("discountValue=INVALID_VALUE;région=UNKNOWN_FIELD");
		assertThat(rejects.get(0).get("description").asString()).isEqualTo("Ünï é ₹");
		assertThat(errors(rejects.get(1))).isEqualTo("*=MALFORMED");
		assertThat(rejects.get(1).get("_errors").get(0).get("message").asString()).contains("not valid UTF-8");
		assertThat(rejects.get(1).get("_raw").asString()).contains("\"caf\uFFFDx\"");
	}

	/**
	 * Another encoding than UTF-8 is decoded first and read through the same key order as UTF-8 records:
	 * records leaving keys out or giving them in another order, a repeated key (Jackson's refusal), and the
	 * refused record reported with its own text.
	 */
	@Test
	void recordsInAnotherEncodingAreReadWithTheirKeysInAnyOrder() throws IOException {
		Path input = this.dir.resolve("latin.jsonl");
		String lines = "{\"seriesCode\": \"L1\", " + VALID.replace("\"d\"", "\"Caf\u00e9 cr\u00e8me\"") + "}\n"
				+ "{" + VALID + ", \"seriesCode\": \"L2\"}\n"
				+ "{\"seriesCode\": \"L3\", \"seriesCode\": \"L4\", " + VALID + "}\n"
				+ "{\"seriesCode\": \"L5\", " + with("discountValue", "120").replace("\"d\"", "\"\u00e9t\u00e9\"") + "}\n";
		Files.write(input, lines.getBytes(WINDOWS_1252));

		ImportRun run = ImportRun.run(this.dir.resolve("r"), "--importer.input=" + input, "--importer.dry-run=true",
				"--importer.encoding=windows-1252");

		assertThat(run.counts()).isEqualTo("4/2/0/0/2");
		List<JsonNode> rejects = run.jsonRejects(WINDOWS_1252);
		assertThat(rejects).extracting(JsonLinesInputTest::errors)
			.containsExactly("*=MALFORMED", "discountValue=INCONSISTENT");
		assertThat(rejects.get(0).get("_errors").get(0).get("message").asString()).contains("Duplicate");
		assertThat(rejects.get(1).get("description").asString()).isEqualTo("\u00e9t\u00e9");
		assertThat(rejects).extracting(r -> r.get("_line").asLong()).as("L1 and L2 accepted").containsExactly(3L, 4L);
	}

	@Test
	void deeplyNestedJsonIsMalformedNotACrash() throws IOException {
		String deep = "[".repeat(5000) + "]".repeat(5000);
		Path input = write("deep.jsonl", "{\"seriesCode\": \"M1\", " + VALID + ", \"dvsItems\": " + deep + "}",
				"{\"seriesCode\": \"M2\", " + VALID + "}");

		ImportRun run = dryRun(input);

		assertThat(errors(run.jsonRejects().get(0))).isEqualTo("*=MALFORMED");
		assertThat(run.counts()).isEqualTo("2/1/0/0/1");
	}

	/** The valid fields with one value replaced (JSON text). */
	private static String with(String field, String json) {
		return VALID.replaceAll("\"" + field + "\": [^,]+", "\"" + field + "\": " + json);
	}

	private static String errors(JsonNode reject) {
		StringBuilder sb = new StringBuilder();
		for (JsonNode error : reject.get("_errors")) {
			sb.append(sb.isEmpty() ? "" : ";").append(error.get("field").asString()).append('=')
				.append(error.get("code").asString());
		}
		return sb.toString();
	}

	private ImportRun dryRun(Path input) {
		return ImportRun.run(this.dir.resolve("reports"), "--importer.input=" + input, "--importer.dry-run=true");
	}

	private Path write(String name, String... lines) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

}
