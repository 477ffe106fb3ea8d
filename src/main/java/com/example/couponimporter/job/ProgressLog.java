package com.example.couponimporter.job;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.report.OutcomeCounts;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.ImportWriter;

/**
 * Logs a progress line at most every {@code importer.progress-interval} (SPEC §10): records done, how much
 * of the input by bytes, the rate of this run, the time left, and rejects so far. Never a line per record.
 */
class ProgressLog implements ChunkListener<Object, Object>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog("importer");

	private final CouponSeriesReader reader;

	private final ImportWriter writer;

	private final long intervalNanos;

	private long startNanos;

	private long lastNanos;

	private long startRecords;

	private double startFraction;

	ProgressLog(CouponSeriesReader reader, ImportWriter writer, Duration interval) {
		this.reader = reader;
		this.writer = writer;
		this.intervalNanos = interval.toNanos();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.startNanos = System.nanoTime();
		this.lastNanos = this.startNanos;
		this.startRecords = -1;
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		OutcomeCounts counts = this.writer.counts();
		long now = System.nanoTime();
		if (this.startRecords < 0) {
			// the first chunk of this run: what a restart had already done does not count towards the rate
			this.startRecords = counts.read() - chunk.size();
			this.startFraction = Math.max(0, this.reader.fractionRead());
		}
		if (now - this.lastNanos < this.intervalNanos) {
			return;
		}
		this.lastNanos = now;
		logger.info(line(counts, now));
	}

	private String line(OutcomeCounts counts, long now) {
		double seconds = Math.max(1e-3, (now - this.startNanos) / 1e9);
		long done = counts.read() - this.startRecords;
		double fraction = this.reader.fractionRead();
		StringBuilder line = new StringBuilder("Progress: ").append(counts.read()).append(" records");
		if (fraction >= 0) {
			line.append(String.format(" (%.1f%% of the input)", fraction * 100));
		}
		line.append(String.format(", %.0f records/s", done / seconds));
		if (fraction > this.startFraction && fraction < 1) {
			long left = Math.round(seconds * (1 - fraction) / (fraction - this.startFraction));
			line.append(", about ").append(duration(left)).append(" left");
		}
		return line.append(", ").append(counts.get(Outcome.REJECTED)).append(" rejected so far").toString();
	}

	private static String duration(long seconds) {
		return (seconds >= 3600) ? (seconds / 3600) + "h " + (seconds % 3600 / 60) + "m"
				: (seconds >= 60) ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
	}

}
