package com.example.couponimporter.partition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.example.couponimporter.job.ImportOptions;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.report.ImportReports;
import com.example.couponimporter.report.ReportPaths;

/**
 * After the partitions: the reject report and results file of the whole input are the partitions' files
 * concatenated in input order, so they read exactly like those of a run without partitions. The
 * partitions' folder is removed once the merged files are in place; running it again is harmless.
 */
public class MergeReportsTasklet implements Tasklet {

	private static final Pattern PART = Pattern.compile("part(\\d+)-\\d+\\..*");

	private final CouponSeriesReader reader;

	private final ImportOptions options;

	public MergeReportsTasklet(CouponSeriesReader reader, ImportOptions options) {
		this.reader = reader;
		this.options = options;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
		ReportPaths whole = this.options.reportPaths(this.reader.input(), instance);
		Path folder = whole.partitionsDirectory();
		if (!Files.isDirectory(folder)) {
			return RepeatStatus.FINISHED;
		}
		int last = lastPartition(folder);
		List<ImportReports> parts = new ArrayList<>();
		for (int index = 0; index <= last; index++) {
			parts.add(this.options.reports(whole.partition(index), this.reader));
		}
		this.options.reports(whole, this.reader).mergeFrom(parts);
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		return RepeatStatus.FINISHED;
	}

	private static int lastPartition(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> PART.matcher(f.getFileName().toString()))
				.filter(Matcher::matches)
				.mapToInt(m -> Integer.parseInt(m.group(1)))
				.max()
				.orElse(-1);
		}
	}

}
