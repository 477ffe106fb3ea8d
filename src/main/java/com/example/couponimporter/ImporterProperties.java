package com.example.couponimporter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import com.example.couponimporter.read.InputFormat;

/** Every {@code importer.*} option (SPEC §2); an unknown one is a usage error. */
@ConfigurationProperties(prefix = "importer", ignoreUnknownFields = false)
public class ImporterProperties {

	/** Where records go. */
	public enum Target {
		DB, API
	}

	/** What to do with a series (orgId + seriesCode) that already exists in the target. */
	public enum OnExisting {
		SKIP, UPDATE, REJECT
	}

	/** File path or Spring resource URL of the input; {@code .gz} is decompressed on the fly. */
	private @Nullable String input;

	/** Input format: csv, jsonl, or auto (by extension). */
	private InputFormat format = InputFormat.AUTO;

	/** Where accepted records go: db (the coupon_series table) or api (the REST API). */
	private Target target = Target.DB;

	/** Org id for records that have no orgId. */
	private @Nullable Long orgId;

	/** Admin id for records that have no createdBy. */
	private @Nullable Long createdBy;

	/** Directory for the reject, results and summary files (created if missing). */
	private Path reportDir = Path.of("reports");

	/** What to do when the series already exists: skip, update (db target) or reject. */
	private OnExisting onExisting = OnExisting.SKIP;

	/** Stop once rejects exceed this: a count such as 500 or a percentage of records read such as 5%. */
	private @Nullable String maxRejects;

	/** Accept validTillDate values in the past (migrations of historical series). */
	private boolean allowPastExpiry;

	/** Input charset, e.g. windows-1252 for spreadsheet exports. */
	private Charset encoding = StandardCharsets.UTF_8;

	/** CSV settings. */
	private final Csv csv = new Csv();

	/** Records per transaction; 0 chooses per target (1000 for db; 25 x api.concurrency, at least 100, for api). */
	private int chunkSize;

	/** Import a file again even though the same content was already imported. */
	private boolean force;

	/** Read, validate and report only: no database needed, nothing written but the reports. */
	private boolean dryRun;

	/** A directory whose *.csv, *.jsonl and *.ndjson files (optionally .gz) are imported in name order. */
	private @Nullable Path inbox;

	/** Inbox files modified more recently than this may still be being written and are left for the next run. */
	private Duration inboxSettleTime = Duration.ofSeconds(10);

	/** Split the input into this many record ranges, imported side by side (threads, or workers in manager mode). */
	private int partitions = 1;

	/** standalone (one process), manager (sends partitions to workers over RabbitMQ) or worker (runs them). */
	private Mode mode = Mode.STANDALONE;

	/** RabbitMQ queue of partition requests; one per job repository (manager and its workers share it). */
	private String partitionQueue = "coupon-series-importer.partitions";

	/** Manager: how long partitions may wait while no worker runs any of them before the job fails. */
	private Duration workerWaitTimeout = Duration.ofMinutes(10);

	/** How often a progress line is logged while the job runs. */
	private Duration progressInterval = Duration.ofSeconds(10);

	/** A single updating progress bar instead of progress lines: on an interactive terminal (auto), always, never. */
	private ProgressBar progressBar = ProgressBar.AUTO;

	/** API target settings. */
	private final Api api = new Api();

	/** Write the review page (HTML) even when the import has no rejects; with rejects it is always written. */
	private boolean reviewPage;

	/** Read the file and the target, write nothing, and report what an import would do. */
	private boolean plan;

	/** Print the past imports, the last N (20 when no number is given), then exit. */
	private @Nullable String history;

	/** How the history is printed: table (for people) or json (for scripts). */
	private HistoryFormat historyFormat = HistoryFormat.TABLE;

	/** Delete the rows this job instance created that nobody changed since (db target), then exit. */
	private @Nullable Long undo;

	public static class Csv {

		/** Cell delimiter: one character, {@code \t} for tab. */
		private String delimiter = ",";

		public String getDelimiter() {
			return this.delimiter;
		}

		public void setDelimiter(String delimiter) {
			this.delimiter = delimiter;
		}

	}

	public static class Api {

		/** Base URL of the API, e.g. https://eu.api.capillarytech.com. */
		private @Nullable String baseUrl;

		/** Basic auth user name. */
		private @Nullable String username;

		/** Basic auth password (sent MD5-hashed). */
		private @Nullable String password;

		/** OAuth client key. */
		private @Nullable String oauthKey;

		/** OAuth client secret. */
		private @Nullable String oauthSecret;

		/** Calls in flight at once. */
		private int concurrency = 4;

		/** Calls per second (whole number), never exceeded in any one-second window; unlimited when not set. */
		private @Nullable Integer maxRate;

		/** Timeout of one call. */
		private Duration timeout = Duration.ofSeconds(30);

		/** Attempts per record for retryable failures. */
		private int maxAttempts = 5;

		/** Query parameter of the series lookup used after a crash. */
		private String lookupParam = "seriesCode";

		/** Wait before the second attempt of a retryable call; doubled for each further attempt, with jitter. */
		private Duration initialBackoff = Duration.ofMillis(500);

		/** Longest wait between two attempts, also the most a Retry-After header can ask for. */
		private Duration maxBackoff = Duration.ofSeconds(30);

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getOauthKey() {
			return this.oauthKey;
		}

		public void setOauthKey(@Nullable String oauthKey) {
			this.oauthKey = oauthKey;
		}

		public @Nullable String getOauthSecret() {
			return this.oauthSecret;
		}

		public void setOauthSecret(@Nullable String oauthSecret) {
			this.oauthSecret = oauthSecret;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public @Nullable Integer getMaxRate() {
			return this.maxRate;
		}

		public void setMaxRate(@Nullable Integer maxRate) {
			this.maxRate = maxRate;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public String getLookupParam() {
			return this.lookupParam;
		}

		public void setLookupParam(String lookupParam) {
			this.lookupParam = lookupParam;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	public @Nullable String getInput() {
		return this.input;
	}

	public void setInput(@Nullable String input) {
		this.input = input;
	}

	public InputFormat getFormat() {
		return this.format;
	}

	public void setFormat(InputFormat format) {
		this.format = format;
	}

	public Target getTarget() {
		return this.target;
	}

	public void setTarget(Target target) {
		this.target = target;
	}

	public @Nullable Long getOrgId() {
		return this.orgId;
	}

	public void setOrgId(@Nullable Long orgId) {
		this.orgId = orgId;
	}

	public @Nullable Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(@Nullable Long createdBy) {
		this.createdBy = createdBy;
	}

	public Path getReportDir() {
		return this.reportDir;
	}

	public void setReportDir(Path reportDir) {
		this.reportDir = reportDir;
	}

	public OnExisting getOnExisting() {
		return this.onExisting;
	}

	public void setOnExisting(OnExisting onExisting) {
		this.onExisting = onExisting;
	}

	public @Nullable String getMaxRejects() {
		return this.maxRejects;
	}

	public void setMaxRejects(@Nullable String maxRejects) {
		this.maxRejects = maxRejects;
	}

	public boolean isAllowPastExpiry() {
		return this.allowPastExpiry;
	}

	public void setAllowPastExpiry(boolean allowPastExpiry) {
		this.allowPastExpiry = allowPastExpiry;
	}

	public Charset getEncoding() {
		return this.encoding;
	}

	public void setEncoding(Charset encoding) {
		this.encoding = encoding;
	}

	public Csv getCsv() {
		return this.csv;
	}

	public int getChunkSize() {
		return this.chunkSize;
	}

	public void setChunkSize(int chunkSize) {
		this.chunkSize = chunkSize;
	}

	public boolean isForce() {
		return this.force;
	}

	public void setForce(boolean force) {
		this.force = force;
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	public void setDryRun(boolean dryRun) {
		this.dryRun = dryRun;
	}

	public Duration getProgressInterval() {
		return this.progressInterval;
	}

	public void setProgressInterval(Duration progressInterval) {
		this.progressInterval = progressInterval;
	}

	public @Nullable Path getInbox() {
		return this.inbox;
	}

	public void setInbox(@Nullable Path inbox) {
		this.inbox = inbox;
	}

	public Duration getInboxSettleTime() {
		return this.inboxSettleTime;
	}

	public void setInboxSettleTime(Duration inboxSettleTime) {
		this.inboxSettleTime = inboxSettleTime;
	}

	/** Whether the import runs in partitions: more than one, or handed to workers. */
	public boolean isPartitioned() {
		return this.partitions > 1 || this.mode == Mode.MANAGER;
	}

	public int getPartitions() {
		return this.partitions;
	}

	public void setPartitions(int partitions) {
		this.partitions = partitions;
	}

	public String getPartitionQueue() {
		return this.partitionQueue;
	}

	public void setPartitionQueue(String partitionQueue) {
		this.partitionQueue = partitionQueue;
	}

	public Duration getWorkerWaitTimeout() {
		return this.workerWaitTimeout;
	}

	public void setWorkerWaitTimeout(Duration workerWaitTimeout) {
		this.workerWaitTimeout = workerWaitTimeout;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	/** How this process takes part in an import. */
	public enum Mode {
		STANDALONE, MANAGER, WORKER
	}

	public ProgressBar getProgressBar() {
		return this.progressBar;
	}

	public void setProgressBar(ProgressBar progressBar) {
		this.progressBar = progressBar;
	}

	/** When the progress bar replaces the progress lines. */
	public enum ProgressBar {
		AUTO, ALWAYS, NEVER
	}

	public Api getApi() {
		return this.api;
	}

	public boolean isReviewPage() {
		return this.reviewPage;
	}

	public void setReviewPage(boolean reviewPage) {
		this.reviewPage = reviewPage;
	}

	public boolean isPlan() {
		return this.plan;
	}

	public void setPlan(boolean plan) {
		this.plan = plan;
	}

	public @Nullable String getHistory() {
		return this.history;
	}

	public void setHistory(@Nullable String history) {
		this.history = history;
	}

	public HistoryFormat getHistoryFormat() {
		return this.historyFormat;
	}

	public void setHistoryFormat(HistoryFormat historyFormat) {
		this.historyFormat = historyFormat;
	}

	/** How {@code importer.history} prints. */
	public enum HistoryFormat {
		TABLE, JSON
	}

	public @Nullable Long getUndo() {
		return this.undo;
	}

	public void setUndo(@Nullable Long undo) {
		this.undo = undo;
	}

	/** Whether this run inspects or changes past imports instead of importing a file. */
	public boolean isOpsCommand() {
		return this.history != null || this.undo != null;
	}

}
