package com.example.couponimporter.report;

import java.nio.file.Path;

import com.example.couponimporter.read.InputFormat;

/** Where the files of one job instance go: {@code <report-dir>/<input-base-name>-<jobInstanceId>.*}. */
public record ReportPaths(Path directory, String baseName, long jobInstanceId) {

	/** The reject report, in the format of the input. */
	public Path rejects(InputFormat format) {
		return file((format == InputFormat.CSV) ? "rejects.csv" : "rejects.jsonl");
	}

	public Path results() {
		return file("results.csv");
	}

	/** What a dry run of the API target would send, one request per line. */
	public Path requests() {
		return file("requests.jsonl");
	}

	/** Where partition {@code index} writes its reports until they are merged: a folder next to the whole files. */
	public ReportPaths partition(int index) {
		return new ReportPaths(partitionsDirectory(), "part" + index, this.jobInstanceId);
	}

	/**
	 * The keys of the series accepted so far ({@code DuplicateCheck}), kept for a restart until the import
	 * completes.
	 */
	public Path keys() {
		return file("keys");
	}

	/** The duplicates of the whole input that splitting it into partitions found. */
	public Path duplicates() {
		return partitionsDirectory().resolve("duplicates");
	}

	/** Where splitting the input keeps the series keys it has seen, until it is done. */
	public Path splitKeys() {
		return partitionsDirectory().resolve("keys");
	}

	public Path partitionsDirectory() {
		return this.directory.resolve(this.baseName + "-" + this.jobInstanceId + ".partitions");
	}

	/** The review page: summary, charts and the rejected records, one self-contained HTML file. */
	public Path review() {
		return file("review.html");
	}

	public Path summary() {
		return file("summary.json");
	}

	private Path file(String suffix) {
		return this.directory.resolve(this.baseName + "-" + this.jobInstanceId + "." + suffix);
	}

}
