package com.example.couponimporter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.couponimporter.history.HistoryCommand;
import com.example.couponimporter.job.ImportCommand;
import com.example.couponimporter.job.InboxCommand;
import com.example.couponimporter.job.StopOnSignal;
import com.example.couponimporter.partition.PartitionWorker;
import com.example.couponimporter.read.InputDigests;
import com.example.couponimporter.undo.UndoCommand;

/**
 * The importer's entry point: one run imports one input (or an inbox of them) and exits with the code of SPEC §9.
 * Left out: what the importer never uses and every run paid for at start-up, {@code @Transactional} proxies
 * (Spring Batch makes its own), {@code @Repository} exception translation, build info and {@code schema.sql}
 * scripts (Flyway migrates).
 */
@SpringBootApplication(exclude = { TransactionAutoConfiguration.class, PersistenceExceptionTranslationAutoConfiguration.class,
		ProjectInfoAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class })
@EnableConfigurationProperties(ImporterProperties.class)
public class CouponSeriesImporterApplication {

	private static final Log logger = LogFactory.getLog("importer");

	public static void main(String[] args) {
		// The exit code is the contract with Kubernetes and scripts, so it must reach the process.
		System.exit(run(args));
	}

	/** Runs the importer in this JVM and returns its exit code; used by {@link #main} and the tests. */
	public static int run(String... args) {
		InputDigests.startEarly(args, System.getenv("IMPORTER_INPUT"));
		try {
			return runApplication(args);
		}
		finally {
			InputDigests.forget();
		}
	}

	private static int runApplication(String... args) {
		ConfigurableApplicationContext context;
		try {
			SpringApplication application = new SpringApplication(CouponSeriesImporterApplication.class);
			// The context is closed by run() once the run is reported; on SIGTERM StopOnSignal stops the job
			// first, which Spring's own hook would prevent by closing the context under the running job.
			application.setRegisterShutdownHook(false);
			context = application.run(args);
		}
		catch (SpringApplication.AbandonedRunException buildTimeProcessing) {
			// the build's AOT processing stops the run once it has the bean definitions
			throw buildTimeProcessing;
		}
		catch (Throwable failure) {
			// StartupFailureReporter has already said what went wrong.
			return ExitCodes.of(failure);
		}
		StopOnSignal stopOnSignal = context.getBean(StopOnSignal.class);
		try (context) {
			ImporterProperties properties = context.getBean(ImporterProperties.class);
			if (properties.getMode() == ImporterProperties.Mode.WORKER) {
				return context.getBean(PartitionWorker.class).serve();
			}
			if (properties.getHistory() != null) {
				return context.getBean(HistoryCommand.class).run(System.out);
			}
			if (properties.getUndo() != null) {
				return context.getBean(UndoCommand.class).run(properties.getUndo());
			}
			return (properties.getInbox() != null) ? context.getBean(InboxCommand.class).run()
					: context.getBean(ImportCommand.class).run(properties.getInput());
		}
		catch (Exception failure) {
			logger.error(ExitCodes.describe(failure));
			return ExitCodes.of(failure);
		}
		finally {
			stopOnSignal.contextClosed();
		}
	}

}
