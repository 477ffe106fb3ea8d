package com.example.couponimporter.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ExitCodes;

/**
 * Stops a running job cleanly when the process is asked to stop (SIGTERM, as Kubernetes does): the job
 * stops at the next chunk boundary, the summary is written, and the process exits with code 1 so that
 * the same command resumes it. Spring Batch's own {@code JobExecutionShutdownHook} would let the JVM exit
 * with 143 before the summary is written, so this hook waits for the run to be reported and the context
 * closed (which also pushes the final metrics).
 */
@Component
public class StopOnSignal implements JobExecutionListener, StepExecutionListener {

	private static final Log logger = LogFactory.getLog("importer");

	/** Counted down when the current job's run is reported; one per job, as an inbox runs several. */
	private volatile CountDownLatch reported = new CountDownLatch(1);

	private volatile int exitCode = ExitCodes.FAILED;

	/** Counted down once the application context is closed, after the run. */
	private final CountDownLatch contextClosed = new CountDownLatch(1);

	private Thread hook;

	private volatile boolean stopRequested;

	private volatile JobExecution execution;

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.execution = jobExecution;
		CountDownLatch thisRun = new CountDownLatch(1);
		this.reported = thisRun;
		this.hook = new Thread(() -> stop(jobExecution, thisRun), "importer-stop-on-signal");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/** A stop requested before the step started is honoured when it starts. */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (this.stopRequested) {
			stepExecution.setTerminateOnly();
		}
	}

	private void stop(JobExecution jobExecution, CountDownLatch reported) {
		if (jobExecution.isRunning()) {
			logger.warn("Stop requested: stopping at the end of the current chunk; run the same command again to "
					+ "resume.");
			// The step checks this flag at each chunk boundary. JobOperator.stop would also release the step
			// scope from this thread, destroying the running step's reader and writer under it.
			jobExecution.getStepExecutions().forEach(StepExecution::setTerminateOnly);
			this.stopRequested = true;
		}
		try {
			if (reported.await(5, TimeUnit.MINUTES)) {
				// closing the context pushes the final metrics to a Pushgateway, if one is set up
				this.contextClosed.await(30, TimeUnit.SECONDS);
				Runtime.getRuntime().halt(this.exitCode);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Called once the application context is closed: a pending stop may now end the process. */
	public void contextClosed() {
		this.contextClosed.countDown();
	}

	/** The execution of this run once the job started, or {@code null}. */
	JobExecution execution() {
		return this.execution;
	}

	/** Called once the run is reported: a pending stop may now end the process with this exit code. */
	public void reported(int exitCode) {
		this.exitCode = exitCode;
		this.execution = null;
		this.reported.countDown();
		if (this.hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running and will end the process with the exit code
			}
			this.hook = null;
		}
	}

}
