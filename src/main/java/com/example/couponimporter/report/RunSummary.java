package com.example.couponimporter.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Outcome;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The summary of SPEC §6, written at the end of every run, also a failed one. */
public record RunSummary(String status, int exitCode, String input, String sha256, String format, String target,
		boolean dryRun, boolean plan, long jobInstanceId, long jobExecutionId, OutcomeCounts counts, @Nullable Path rejectFile,
		@Nullable Path resultsFile, Instant startedAt, Instant endedAt, long recordsThisRun) {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public long durationMs() {
		return Duration.between(this.startedAt, this.endedAt).toMillis();
	}

	/** Records processed by this run per second of this run. */
	public double recordsPerSecond() {
		long ms = Math.max(1, durationMs());
		return Math.round(this.recordsThisRun * 1000.0 / ms * 10) / 10.0;
	}

	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("status", this.status);
		json.put("exitCode", this.exitCode);
		json.put("input", this.input);
		json.put("sha256", this.sha256);
		json.put("format", this.format);
		json.put("target", this.target);
		json.put("dryRun", this.dryRun);
		json.put("plan", this.plan);
		json.put("jobInstanceId", this.jobInstanceId);
		json.put("jobExecutionId", this.jobExecutionId);
		ObjectNode countsJson = json.putObject("counts");
		countsJson.put("read", this.counts.read());
		for (Outcome outcome : Outcome.values()) {
			countsJson.put(outcome.label(), this.counts.get(outcome));
		}
		ObjectNode byCode = json.putObject("rejectsByCode");
		for (Map.Entry<ErrorCode, Long> entry : this.counts.rejectsByCode().entrySet()) {
			byCode.put(entry.getKey().name(), entry.getValue());
		}
		ObjectNode byField = json.putObject("rejectsByField");
		this.counts.rejectsByField().forEach(byField::put);
		json.put("rejectFile", (this.rejectFile != null) ? this.rejectFile.toString() : null);
		json.put("resultsFile", (this.resultsFile != null) ? this.resultsFile.toString() : null);
		json.put("startedAt", this.startedAt.toString());
		json.put("endedAt", this.endedAt.toString());
		json.put("durationMs", durationMs());
		json.put("recordsPerSecond", recordsPerSecond());
		return json;
	}

	public void writeTo(Path path) {
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, MAPPER.writeValueAsString(toJson()) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the summary " + path, ex);
		}
	}

}
