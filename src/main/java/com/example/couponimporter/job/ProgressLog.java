package com.example.couponimporter.job;

import java.io.PrintStream;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.report.OutcomeCounts;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.ImportWriter;

/**
 * Shows progress (SPEC §10): records done, how much of the input by bytes, the rate of this run, the time
 * left, and rejects so far. In a log, a line at most every {@code importer.progress-interval}; on an
 * interactive terminal, a single bar redrawn in place a few times a second. Never a line per record.
 */
class ProgressLog implements ChunkListener<Object, Object>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog("importer");

	private static final long BAR_REDRAW_NANOS = Duration.ofMillis(250).toNanos();

	private static final int BAR_WIDTH = 30;

	private final CouponSeriesReader reader;

	private final ImportWriter writer;

	private final long intervalNanos;

	/** Where the bar is drawn, or {@code null} for progress lines in the log. */
	private final PrintStream terminal;

	private long startNanos;

	private long lastNanos;

	private long startRecords;

	private double startFraction;

	ProgressLog(CouponSeriesReader reader, ImportWriter writer, Duration interval, PrintStream terminal) {
		this.reader = reader;
		this.writer = writer;
		this.intervalNanos = interval.toNanos();
		this.terminal = terminal;
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
		if (now - this.lastNanos < ((this.terminal != null) ? BAR_REDRAW_NANOS : this.intervalNanos)) {
			return;
		}
		this.lastNanos = now;
		if (this.terminal != null) {
			drawBar(counts, now);
		}
		else {
			logger.info("Progress: " + figures(counts, now));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (this.terminal != null && this.startRecords >= 0) {
			drawBar(this.writer.counts(), System.nanoTime());
			this.terminal.println();
		}
		return null;
	}

	private void drawBar(OutcomeCounts counts, long now) {
		double fraction = Math.min(1, Math.max(0, this.reader.fractionRead()));
		int filled = (int) Math.round(fraction * BAR_WIDTH);
		this.terminal.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + figures(counts, now)
				+ "   ");
		this.terminal.flush();
	}

	private String figures(OutcomeCounts counts, long now) {
		double seconds = Math.max(1e-3, (now - this.startNanos) / 1e9);
		long done = counts.read() - this.startRecords;
		double fraction = this.reader.fractionRead();
		StringBuilder line = new StringBuilder().append(counts.read()).append(" records");
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
