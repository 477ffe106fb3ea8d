package com.example.couponimporter.partition;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.example.couponimporter.duplicates.DuplicateLines;
import com.example.couponimporter.duplicates.SeriesKeyIndex;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.RawRecord;
import com.example.couponimporter.validate.CouponSeriesValidator;

/**
 * Splits the input into record ranges of about equal size in bytes, in one pass that reads the records
 * with the importer's own reader (so CSV quoting and multi-line records fall exactly as in a single run),
 * noting the byte offset and line number where each range starts. Each partition's reader then seeks to
 * its start and stops at its end: no partition reads the input in full.
 * <p>
 * The same pass validates every record and finds the duplicates of the whole input with a
 * {@link SeriesKeyIndex}, exactly as a run without partitions does as it goes, and writes them to
 * {@link DuplicateLines} for the partitions: a series repeated in another partition is known before any
 * partition writes.
 */
public class InputPartitioner implements Partitioner {

	private static final Log logger = LogFactory.getLog("importer");

	private final CouponSeriesReader reader;

	private final CouponSeriesValidator validator;

	private final ReportPaths paths;

	private final Duration progressInterval;

	public InputPartitioner(CouponSeriesReader reader, CouponSeriesValidator validator, ReportPaths paths,
			Duration progressInterval) {
		this.reader = reader;
		this.validator = validator;
		this.paths = paths;
		this.progressInterval = progressInterval;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long size = this.reader.input().storedSize();
		if (this.reader.input().isCompressed() || size <= 0) {
			logger.warn(this.reader.input().location() + " is compressed or its size is unknown, so it cannot be "
					+ "split without reading it once per partition: importing it as one partition.");
			gridSize = 1;
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		long[] first = this.reader.firstRecord();
		long start = first[0];
		long startLine = first[1];
		ExecutionContext none = new ExecutionContext();
		this.reader.open(none);
		SeriesKeyIndex keys = new SeriesKeyIndex(this.paths.splitKeys(), this.reader::fractionRead, false);
		Progress progress = new Progress();
		try (DuplicateLines.Writer duplicates = new DuplicateLines.Writer(this.paths.duplicates())) {
			for (int slice = 0; slice < gridSize; slice++) {
				long target = (slice == gridSize - 1) ? Long.MAX_VALUE : size * (slice + 1) / gridSize;
				RawRecord record = null;
				while (this.reader.position() < target && (record = this.reader.read()) != null) {
					if (this.validator.validate(record) instanceof Decision.Accepted accepted) {
						CouponSeries series = accepted.series();
						long firstLine = keys.firstLine(series);
						if (firstLine != series.line()) {
							duplicates.add(series.line(), firstLine);
						}
					}
					progress.record();
				}
				boolean atEnd = record == null && this.reader.position() < target;
				long end = this.reader.position();
				if (end > start || partitions.isEmpty()) {
					int index = partitions.size();
					partitions.put("partition" + index, context(index, start, startLine, atEnd ? -1 : end));
				}
				if (atEnd) {
					break;
				}
				start = end;
				startLine = this.reader.nextLine();
			}
			duplicates.commit();
			logger.info("Split " + this.reader.input().location() + " into " + partitions.size() + " partition(s); "
					+ progress.records + " records read and validated, " + duplicates.count() + " of them repeat a "
					+ "series an earlier record defined (DUPLICATE_IN_FILE).");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + this.reader.input().location() + " to split it: "
					+ ex.getMessage(), ex);
		}
		finally {
			keys.close(true);
			this.reader.close();
		}
		return partitions;
	}

	/** A line now and then while the pass runs: it reads and validates the whole input before any partition. */
	private final class Progress {

		private long records;

		private long last = System.nanoTime();

		void record() {
			this.records++;
			if ((this.records & 1023) == 0 && System.nanoTime() - this.last > progressInterval.toNanos()) {
				this.last = System.nanoTime();
				double fraction = reader.fractionRead();
				logger.info("Splitting the input and finding repeated series codes: " + this.records + " records"
						+ ((fraction >= 0) ? String.format(" (%.1f%% of the input)", 100 * fraction) : "") + ".");
			}
		}

	}


	private static ExecutionContext context(int index, long start, long startLine, long end) {
		ExecutionContext context = new ExecutionContext();
		context.putInt(Partitions.INDEX, index);
		context.putLong(Partitions.START, start);
		context.putLong(Partitions.START_LINE, startLine);
		if (end >= 0) {
			context.putLong(Partitions.END, end);
		}
		CouponSeriesReader.startAt(context, start, startLine);
		return context;
	}

}
