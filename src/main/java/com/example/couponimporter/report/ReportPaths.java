package com.example.couponimporter.report;

import java.nio.file.Path;

/** Where the files of one job instance go: {@code <report-dir>/<input-base-name>-<jobInstanceId>.*}. */
public record ReportPaths(Path directory, String baseName, long jobInstanceId) {

	public Path rejectsCsv() {
		return file("rejects.csv");
	}

	public Path rejectsJsonLines() {
		return file("rejects.jsonl");
	}

	public Path results() {
		return file("results.csv");
	}

	public Path summary() {
		return file("summary.json");
	}

	private Path file(String suffix) {
		return this.directory.resolve(this.baseName + "-" + this.jobInstanceId + "." + suffix);
	}

}
