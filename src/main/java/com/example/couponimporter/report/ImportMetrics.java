package com.example.couponimporter.report;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Outcome;

/**
 * The importer's own metrics, beside Spring Batch's: {@code importer.records} by {@code outcome} and
 * {@code importer.rejects} by {@code code}. They read the counts the summary reports (the job instance as
 * a whole, all restarts together), so what a Pushgateway receives at the end of a run matches the summary;
 * an inbox run adds up its files.
 */
@Component
public class ImportMetrics {

	private final OutcomeCounts finished = new OutcomeCounts();

	private volatile Supplier<OutcomeCounts> current = OutcomeCounts::new;

	public ImportMetrics(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			FunctionCounter.builder("importer.records", this, m -> m.total().get(outcome))
				.description("Records by outcome, for the job instance as a whole")
				.tag("outcome", outcome.label())
				.register(registry);
		}
		for (ErrorCode code : ErrorCode.values()) {
			FunctionCounter.builder("importer.rejects", this, m -> m.total().rejectsByCode().getOrDefault(code, 0L))
				.description("Rejected records by error code (a record with several codes counts once per code)")
				.tag("code", code.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

	/** Makes the counters follow the counts of the step that is starting. */
	public void track(Supplier<OutcomeCounts> counts) {
		this.current = counts;
	}

	/** The job ended with these counts (those of its summary). */
	public synchronized void finished(OutcomeCounts counts) {
		this.finished.addAll(counts);
		this.current = OutcomeCounts::new;
	}

	private synchronized OutcomeCounts total() {
		OutcomeCounts total = new OutcomeCounts();
		total.addAll(this.finished);
		total.addAll(this.current.get());
		return total;
	}

}
