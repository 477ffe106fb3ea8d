package com.example.couponimporter.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

import com.example.couponimporter.job.ImportJob;
import com.example.couponimporter.read.InputFormat;
import com.example.couponimporter.report.OutcomeCounts;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.series.Outcome;

/**
 * One job instance of the import as the job repository keeps it: what was imported, when, how it ended,
 * its counts (all runs together) and the reports it wrote that still exist.
 */
public record PastImport(long instanceId, String input, String sha256, String target, int runs,
		@Nullable Instant started, @Nullable Instant ended, String status, OutcomeCounts counts,
		Map<String, Path> reports) {

	/** The import {@code instance} as the repository holds it. */
	public static PastImport of(JobRepository jobRepository, JobInstance instance) {
		List<JobExecution> executions = jobRepository.getJobExecutions(instance);
		JobExecution first = executions.stream().min(Comparator.comparingLong(JobExecution::getId)).orElseThrow();
		JobExecution last = executions.stream().max(Comparator.comparingLong(JobExecution::getId)).orElseThrow();
		JobParameters parameters = last.getJobParameters();
		String input = string(parameters, ImportJob.INPUT);
		return new PastImport(instance.getInstanceId(), input, string(parameters, ImportJob.SHA256),
				string(parameters, ImportJob.TARGET), executions.size(), instant(first.getStartTime()),
				instant(last.getEndTime()), last.getStatus().name(), ImportJob.counts(jobRepository, instance),
				reports(parameters, instance.getInstanceId()));
	}

	public long count(Outcome outcome) {
		return this.counts.get(outcome);
	}

	/** The reports of the instance that are still where it wrote them, by kind. */
	private static Map<String, Path> reports(JobParameters parameters, long instanceId) {
		Map<String, Path> reports = new TreeMap<>();
		String directory = parameters.getString(ImportJob.REPORT_DIR);
		String base = parameters.getString(ImportJob.REPORT_BASE);
		if (directory == null || base == null) {
			return reports;
		}
		ReportPaths paths = new ReportPaths(Path.of(directory), base, instanceId);
		InputFormat format = "JSONL".equals(parameters.getString(ImportJob.FORMAT)) ? InputFormat.JSONL : InputFormat.CSV;
		Map<String, Path> all = Map.of("summary", paths.summary(), "rejects", paths.rejects(format), "results",
				paths.results(), "review", paths.review());
		all.forEach((kind, path) -> {
			if (Files.exists(path)) {
				reports.put(kind, path);
			}
		});
		return reports;
	}

	private static String string(JobParameters parameters, String name) {
		String value = parameters.getString(name);
		return (value != null) ? value : "";
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

}
