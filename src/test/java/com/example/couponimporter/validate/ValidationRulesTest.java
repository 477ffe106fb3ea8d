package com.example.couponimporter.validate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the SPEC §4.1 table, with at least one failing and one passing record each, run through
 * the real job on {@code fixtures/rules.csv}. Each fixture row names its rule in {@code _rule} and the
 * exact {@code _error_codes} it must get in {@code _expect} (empty: the record must be accepted).
 */
class ValidationRulesTest {

	private static final Path RULES = Path.of("src/test/resources/fixtures/rules.csv");

	@TempDir
	Path reports;

	@Test
	void everyRecordGetsExactlyTheExpectedErrorCodes() {
		// given: the expectations written beside each record (the header is line 1, no record spans lines)
		List<Map<String, String>> rows = ImportRun.csvRows(RULES, StandardCharsets.UTF_8, ',');
		Map<Long, String> expected = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).get("_expect").isEmpty()) {
				expected.put(i + 2L, rows.get(i).get("_expect"));
			}
		}

		// when
		ImportRun run = ImportRun.run(this.reports, "--importer.input=" + RULES, "--importer.dry-run=true");

		// then
		assertThat(run.exitCode()).isZero();
		assertThat(run.rejectCodesByLine()).containsExactlyEntriesOf(expected);
		long accepted = rows.size() - expected.size();
		assertThat(run.counts()).isEqualTo(rows.size() + "/" + accepted + "/0/0/" + expected.size());
	}

	@Test
	void rejectReportCopiesInputColumnsButNotUnderscoreColumns() {
		ImportRun run = ImportRun.run(this.reports, "--importer.input=" + RULES, "--importer.dry-run=true");

		List<String[]> lines = ImportRun.csvLines(run.file("rejects.csv"), StandardCharsets.UTF_8, ',');
		List<String> inputHeader = List.of(ImportRun.csvLines(RULES, StandardCharsets.UTF_8, ',').get(0));
		List<String> expectedHeader = new java.util.ArrayList<>(
				inputHeader.stream().filter(h -> !h.startsWith("_")).toList());
		expectedHeader.addAll(List.of("_line", "_error_codes", "_error_messages"));
		assertThat(lines.get(0)).containsExactlyElementsOf(expectedHeader);
		Map<String, String> first = run.rejects().get(0);
		assertThat(first).containsEntry("_line", "2").containsEntry("orgId", "0").containsEntry("seriesCode", "R001");
		assertThat(first.get("_error_messages")).isEqualTo("orgId must be 1 or more; found 0");
	}

	@Test
	void importerOrgIdIsTheDefaultForRecordsWithoutOrgId() {
		ImportRun run = ImportRun.run(this.reports, "--importer.input=" + RULES, "--importer.dry-run=true",
				"--importer.org-id=77");

		assertThat(run.rejectCodesByLine()).doesNotContainKey(5L);
	}

	@Test
	void pastExpiryIsAcceptedWhenAllowed() {
		ImportRun run = ImportRun.run(this.reports, "--importer.input=" + RULES, "--importer.dry-run=true",
				"--importer.allow-past-expiry=true");

		assertThat(run.rejectCodesByLine()).doesNotContainValue("validTillDate=INVALID_VALUE");
	}

}
