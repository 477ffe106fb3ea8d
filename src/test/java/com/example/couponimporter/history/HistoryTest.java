package com.example.couponimporter.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --importer.history}: the past imports of the job repository, as a table and as JSON. */
@ExtendWith(OutputCaptureExtension.class)
class HistoryTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,"
			+ "validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@Test
	void listsThePastImportsNewestFirstAsATableAndAsJson(CapturedOutput output) throws IOException {
		Path first = Files.writeString(this.dir.resolve("first.csv"), HEADER
				+ "100737,H-1,One,D1,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,H-2,Two,D2,PERC,150,2099-01-01T00:00:00Z,Hi\n");
		Path second = Files.writeString(this.dir.resolve("second.csv"), HEADER
				+ "100737,H-1,One again,D1,ABS,10,2099-01-01T00:00:00Z,Hi\n"
				+ "100737,H-3,Three,D3,ABS,10,2099-01-01T00:00:00Z,Hi\n");
		Path reports = this.dir.resolve("reports");
		ImportRun one = ImportRun.run(reports.resolve("first"), args("--importer.input=" + first));
		ImportRun two = ImportRun.run(reports.resolve("second"), args("--importer.input=" + second));
		long firstId = one.summary().get("jobInstanceId").asLong();
		long secondId = two.summary().get("jobInstanceId").asLong();
		int before = output.getOut().length();

		ImportRun table = ImportRun.run(this.dir.resolve("history"), args("--importer.history"));

		assertThat(table.exitCode()).isZero();
		List<String> lines = output.getOut().substring(before).lines().toList();
		assertThat(lines.get(0)).matches("INSTANCE +FILE +SHA256 +TARGET +STARTED +ENDED +STATUS +RUNS +READ +CREATED "
				+ "+UPDATED +EXISTING +REJECTED +REPORTS");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1).trim()).startsWith(secondId + "  " + second).contains(two.summary().get("sha256").asString().substring(0, 12) + "  db")
			.containsPattern("COMPLETED +1 +2 +1 +0 +1 +0  " + reports.resolve("second/second-" + secondId + ".results.csv"));
		assertThat(lines.get(2).trim()).startsWith(firstId + "  " + first).containsPattern("COMPLETED +1 +2 +1 +0 +0 +1  ");
		assertThat(lines.get(2)).contains(reports.resolve("first/first-" + firstId + ".rejects.csv").toString(),
				reports.resolve("first/first-" + firstId + ".review.html").toString(),
				reports.resolve("first/first-" + firstId + ".summary.json").toString());
		before = output.getOut().length();

		ImportRun json = ImportRun.run(this.dir.resolve("history"), args("--importer.history=1",
				"--importer.history-format=json"));

		assertThat(json.exitCode()).isZero();
		JsonNode history = JsonMapper.shared().readTree(output.getOut().substring(before));
		assertThat(history.size()).isEqualTo(1);
		JsonNode last = history.get(0);
		assertThat(last.get("jobInstanceId").asLong()).isEqualTo(secondId);
		assertThat(last.get("input").asString()).isEqualTo(second.toString());
		assertThat(last.get("sha256").asString()).isEqualTo(two.summary().get("sha256").asString());
		assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(last.get("runs").asInt()).isEqualTo(1);
		assertThat(last.get("counts").toString())
			.isEqualTo("{\"read\":2,\"created\":1,\"updated\":0,\"existing\":1,\"rejected\":0}");
		assertThat(last.get("reports").get("summary").asString())
			.isEqualTo(reports.resolve("second/second-" + secondId + ".summary.json").toString());
		assertThat(last.get("startedAt").asString()).isNotBlank();
	}

	@Test
	void aCountThatIsNotANumberIsAUsageError(CapturedOutput output) {
		ImportRun run = ImportRun.run(this.dir.resolve("history"), args("--importer.history=all"));

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output.getOut()).contains("Invalid importer.history 'all': expected how many past imports to show");
	}

	private static String[] args(String... options) {
		return db.argsWith(options);
	}

}
