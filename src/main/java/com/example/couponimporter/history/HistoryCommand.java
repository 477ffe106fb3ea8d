package com.example.couponimporter.history;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ExitCodes;
import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.ImporterProperties.HistoryFormat;
import com.example.couponimporter.UsageException;
import com.example.couponimporter.job.ImportJob;
import com.example.couponimporter.series.Outcome;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --importer.history[=N]}: prints the last N imports of the job repository, newest first, as a
 * table for people or, with {@code --importer.history-format=json}, as a JSON array for scripts.
 */
@Component
public class HistoryCommand {

	private static final int DEFAULT_COUNT = 20;

	/** The table's columns that hold numbers, aligned right. */
	private static final Set<Integer> NUMBERS = Set.of(0, 7, 8, 9, 10, 11, 12);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final JobRepository jobRepository;

	private final ImporterProperties properties;

	HistoryCommand(JobRepository jobRepository, ImporterProperties properties) {
		this.jobRepository = jobRepository;
		this.properties = properties;
	}

	/** Prints the history to {@code out} and returns the exit code. */
	public int run(PrintStream out) {
		int count = count(this.properties.getHistory());
		List<PastImport> imports = new ArrayList<>();
		this.jobRepository.getJobInstances(ImportJob.JOB_NAME, 0, count)
			.forEach(instance -> imports.add(PastImport.of(this.jobRepository, instance)));
		out.print((this.properties.getHistoryFormat() == HistoryFormat.JSON) ? json(imports) : table(imports));
		out.flush();
		return ExitCodes.OK;
	}

	private static int count(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_COUNT;
		}
		try {
			int count = Integer.parseInt(text.trim());
			if (count >= 1) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("Invalid importer.history '" + text + "': expected how many past imports to show, "
				+ "e.g. --importer.history=50, or no value for the last " + DEFAULT_COUNT + ".");
	}

	static String table(List<PastImport> imports) {
		if (imports.isEmpty()) {
			return "No imports in the job repository yet.\n";
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "INSTANCE", "FILE", "SHA256", "TARGET", "STARTED", "ENDED", "STATUS", "RUNS", "READ",
				"CREATED", "UPDATED", "EXISTING", "REJECTED", "REPORTS" });
		for (PastImport p : imports) {
			rows.add(new String[] { String.valueOf(p.instanceId()), p.input(), abbreviated(p.sha256()), p.target(),
					time(p.started()), time(p.ended()), p.status(), String.valueOf(p.runs()),
					String.valueOf(p.counts().read()), String.valueOf(p.count(Outcome.CREATED)),
					String.valueOf(p.count(Outcome.UPDATED)), String.valueOf(p.count(Outcome.EXISTING)),
					String.valueOf(p.count(Outcome.REJECTED)), p.reports().isEmpty() ? "(none left)"
							: String.join(" ", p.reports().values().stream().map(Object::toString).toList()) });
		}
		int[] widths = new int[rows.get(0).length];
		rows.forEach(row -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		StringBuilder text = new StringBuilder();
		for (String[] row : rows) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < row.length; i++) {
				String padding = " ".repeat(widths[i] - row[i].length());
				cells.add(NUMBERS.contains(i) ? padding + row[i] : row[i] + padding);
			}
			text.append(String.join("  ", cells).stripTrailing()).append('\n');
		}
		return text.toString();
	}

	static String json(List<PastImport> imports) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (PastImport p : imports) {
			ObjectNode json = array.addObject();
			json.put("jobInstanceId", p.instanceId());
			json.put("input", p.input());
			json.put("sha256", p.sha256());
			json.put("target", p.target());
			json.put("runs", p.runs());
			json.put("startedAt", (p.started() != null) ? p.started().toString() : null);
			json.put("endedAt", (p.ended() != null) ? p.ended().toString() : null);
			json.put("status", p.status());
			ObjectNode counts = json.putObject("counts");
			counts.put("read", p.counts().read());
			for (Outcome outcome : Outcome.values()) {
				counts.put(outcome.label(), p.count(outcome));
			}
			ObjectNode reports = json.putObject("reports");
			p.reports().forEach((kind, path) -> reports.put(kind, path.toString()));
		}
		return MAPPER.writeValueAsString(array) + "\n";
	}

	private static String abbreviated(String sha256) {
		return (sha256.length() > 12) ? sha256.substring(0, 12) : sha256;
	}

	private static String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "-";
	}

}
