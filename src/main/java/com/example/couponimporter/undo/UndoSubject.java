package com.example.couponimporter.undo;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

import com.example.couponimporter.UsageException;
import com.example.couponimporter.job.ImportJob;

/**
 * What {@code --importer.undo=<jobInstanceId>} names: an import, whose created rows are removed, or an undo,
 * whose removed rows are put back (a restore).
 * @param instanceId the job instance undone
 * @param restore whether it is an undo, whose rows go back
 * @param executionIds its job executions: the lineage of the rows an import wrote, or the undo's mark
 * @param importInstanceId the import concerned: the instance itself, or the import the undo undid
 * @param reportBase the name the import's reports start with
 * @param running whether one of its executions is still running
 */
record UndoSubject(long instanceId, boolean restore, Long[] executionIds, long importInstanceId, String reportBase,
		boolean running) {

	static final String JOB_NAME = "undoImportJob";

	/** Identifying parameter of an undo: the job instance it undoes. */
	static final String UNDO_OF = "undo.of";

	/** Parameter of an undo: {@code undo} or {@code restore}. */
	static final String ACTION = "undo.action";

	static UndoSubject resolve(JobRepository jobRepository, long instanceId) {
		JobInstance instance = jobRepository.getJobInstance(instanceId);
		if (instance == null) {
			throw new UsageException("There is no job instance " + instanceId + " in the job repository; "
					+ "--importer.history lists the imports with their instance ids.");
		}
		List<JobExecution> executions = jobRepository.getJobExecutions(instance);
		Long[] ids = executions.stream().map(JobExecution::getId).toArray(Long[]::new);
		boolean running = executions.stream().anyMatch(JobExecution::isRunning);
		JobParameters parameters = executions.get(0).getJobParameters();
		if (ImportJob.JOB_NAME.equals(instance.getJobName())) {
			if ("api".equals(parameters.getString(ImportJob.TARGET))) {
				throw new UsageException("Job instance " + instanceId + " imported into the API (target=api); undo "
						+ "works for the db target only: the API has no way to delete a series. Its results file lists "
						+ "the ids it created.");
			}
			return new UndoSubject(instanceId, false, ids, instanceId, base(parameters), running);
		}
		if (!JOB_NAME.equals(instance.getJobName())) {
			throw new UsageException("Job instance " + instanceId + " is a " + instance.getJobName()
					+ ", neither an import nor an undo; there is nothing to undo.");
		}
		Long undone = parameters.getLong(UNDO_OF);
		if ("restore".equals(parameters.getString(ACTION))) {
			throw new UsageException("Job instance " + instanceId + " put back the rows of undo " + undone
					+ "; to remove them again, undo that undo's import once more (--importer.undo=<its instance id> "
					+ "--importer.force=true).");
		}
		UndoSubject undoneImport = resolve(jobRepository, undone);
		return new UndoSubject(instanceId, true, ids, undoneImport.importInstanceId(), undoneImport.reportBase(),
				running);
	}

	private static String base(JobParameters parameters) {
		String base = parameters.getString(ImportJob.REPORT_BASE);
		return (base != null) ? base : "import";
	}

	/** "import 12" or "undo 14 (of import 12)", as messages name it. */
	String describe() {
		return this.restore ? "undo " + this.instanceId + " (of import " + this.importInstanceId + ")"
				: "import " + this.instanceId;
	}

}
