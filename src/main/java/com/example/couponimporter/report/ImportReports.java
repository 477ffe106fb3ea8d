package com.example.couponimporter.report;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.example.couponimporter.read.InputFormat;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.series.RawRecord;

/**
 * The reject report, the results file and the outcome counts of one job instance. The file lengths and
 * counts are saved with each chunk and restored on restart, so a crash never duplicates or loses a line.
 */
public final class ImportReports {

	private static final String REJECTS_LENGTH = "reports.rejects.length";

	private static final String RESULTS_LENGTH = "reports.results.length";

	private final RejectReport rejects;

	private final ResultsFile results;

	private OutcomeCounts counts = new OutcomeCounts();

	private ImportReports(RejectReport rejects, ResultsFile results) {
		this.rejects = rejects;
		this.results = results;
	}

	/** Reports for CSV input: the reject report copies the given header (columns without {@code _}). */
	public static ImportReports forCsv(ReportPaths paths, Charset charset, char delimiter, List<String> header,
			boolean withResults) {
		return new ImportReports(new CsvRejectReport(paths.rejects(InputFormat.CSV), charset, delimiter, header),
				withResults ? new ResultsFile(paths.results()) : null);
	}

	public static ImportReports forJsonLines(ReportPaths paths, Charset charset, boolean withResults) {
		return new ImportReports(new JsonLinesRejectReport(paths.rejects(InputFormat.JSONL), charset),
				withResults ? new ResultsFile(paths.results()) : null);
	}

	public void open(ExecutionContext context) {
		this.rejects.file().restore(context.getLong(REJECTS_LENGTH, 0L));
		if (this.results != null) {
			this.results.restore(context.getLong(RESULTS_LENGTH, 0L));
		}
		this.counts = OutcomeCounts.from(context);
	}

	public void reject(RawRecord record, List<FieldError> errors) {
		this.rejects.write(record, errors);
		Set<ErrorCode> codes = new LinkedHashSet<>();
		Set<String> fields = new LinkedHashSet<>();
		for (FieldError error : errors) {
			codes.add(error.code());
			fields.add(error.field());
		}
		this.counts.addReject(codes, fields);
	}

	public void accept(long line, long orgId, String seriesCode, Long id, Outcome outcome, String warnings) {
		if (this.results != null) {
			this.results.write(line, orgId, seriesCode, id, outcome, warnings);
		}
		this.counts.add(outcome);
	}

	public OutcomeCounts counts() {
		return this.counts;
	}

	/** Flushes the files and saves their lengths and the counts; called before each chunk commits. */
	public void update(ExecutionContext context) {
		context.putLong(REJECTS_LENGTH, this.rejects.file().flush());
		if (this.results != null) {
			context.putLong(RESULTS_LENGTH, this.results.flush());
		}
		this.counts.saveTo(context);
	}

	public void close() {
		this.rejects.file().close();
		if (this.results != null) {
			this.results.close();
		}
	}

	/** Makes these (whole-input) reports the concatenation of the partitions' reports, in partition order. */
	public void mergeFrom(List<ImportReports> partitions) {
		this.rejects.file().mergeFrom(partitions.stream().map(p -> p.rejects.file()).toList());
		if (this.results != null) {
			this.results.file().mergeFrom(partitions.stream().map(p -> p.results.file()).toList());
		}
	}

	/** The reject report, or {@code null} when there were no rejects. */
	public Path rejectFile() {
		return this.rejects.file().created() ? this.rejects.path() : null;
	}

	/** The results file, or {@code null} when nothing was accepted or results are not written. */
	public Path resultsFile() {
		return (this.results != null && this.results.file().created()) ? this.results.file().path() : null;
	}

}
