package com.example.couponimporter.partition;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Acknowledges a worker's partition request once the partition is marked STARTED in the repository,
 * which happens just before the step's listeners are called.
 */
public class RequestAcknowledgement implements StepExecutionListener {

	private volatile Runnable pending;

	void expect(Runnable acknowledge) {
		this.pending = acknowledge;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Runnable acknowledge = this.pending;
		this.pending = null;
		if (acknowledge != null) {
			acknowledge.run();
		}
	}

}
