package com.example.couponimporter.partition;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.series.RawRecord;

/**
 * Splits the input into record ranges of about equal size in bytes, in one pass that reads the records
 * with the importer's own reader (so CSV quoting and multi-line records fall exactly as in a single run),
 * noting the byte offset and line number where each range starts. Each partition's reader then seeks to
 * its start and stops at its end: no partition reads the input in full.
 */
public class InputPartitioner implements Partitioner {

	private static final Log logger = LogFactory.getLog("importer");

	private final CouponSeriesReader reader;

	public InputPartitioner(CouponSeriesReader reader) {
		this.reader = reader;
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
		try {
			for (int slice = 0; slice < gridSize; slice++) {
				long target = (slice == gridSize - 1) ? Long.MAX_VALUE : size * (slice + 1) / gridSize;
				RawRecord record = null;
				while (this.reader.position() < target && (record = this.reader.read()) != null) {
					// only positions matter here
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
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + this.reader.input().location() + " to split it: "
					+ ex.getMessage(), ex);
		}
		finally {
			this.reader.close();
		}
		logger.info("Split " + this.reader.input().location() + " into " + partitions.size() + " partition(s).");
		return partitions;
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
