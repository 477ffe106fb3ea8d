package com.example.couponimporter.job;

import java.time.OffsetDateTime;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.ImporterProperties.Target;
import com.example.couponimporter.UsageException;
import com.example.couponimporter.plan.PlanDatabase;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.read.CsvHeader;
import com.example.couponimporter.read.InputFile;
import com.example.couponimporter.report.ImportReports;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.validate.CouponSeriesValidator;
import com.example.couponimporter.validate.ValidationSettings;
import com.example.couponimporter.write.api.ApiSettings;

/**
 * The options checked once at start-up, so that a bad option stops the importer before anything is
 * written (exit code 2), with a message naming the property and the allowed values.
 */
@Component
public class ImportOptions {

	private final ImporterProperties properties;

	private final char delimiter;

	private final RejectLimit rejectLimit;

	public ImportOptions(ImporterProperties properties, ObjectProvider<PlanDatabase> planDatabase) {
		this.properties = properties;
		this.delimiter = delimiter(properties.getCsv().getDelimiter());
		this.rejectLimit = RejectLimit.parse(properties.getMaxRejects());
		if (properties.getPartitions() < 1 || properties.getPartitions() > 64) {
			throw new UsageException("Invalid importer.partitions " + properties.getPartitions()
					+ ": expected 1 to 64 record ranges.");
		}
		if (properties.getChunkSize() < 0 || properties.getChunkSize() > 100_000) {
			throw new UsageException("Invalid importer.chunk-size " + properties.getChunkSize()
					+ ": expected 1 to 100000 records per transaction, or 0 to choose by target.");
		}
		if (properties.getTarget() == Target.API) {
			if (properties.getOnExisting() == OnExisting.UPDATE) {
				throw new UsageException("importer.on-existing=update works with the db target only; "
						+ "use skip or reject with importer.target=api.");
			}
			ApiSettings.check(properties.getApi(), properties.isDryRun() && !properties.isPlan());
		}
		if (properties.getMode() != ImporterProperties.Mode.WORKER && !properties.isOpsCommand()) {
			checkInput(properties);
		}
		if (properties.isPlan()) {
			planDatabase.getObject(); // refuses a plan without the database it plans for before anything runs
		}
	}

	/** A file to import, or an inbox directory: exactly one. Workers get theirs from the manager. */
	private static void checkInput(ImporterProperties properties) {
		boolean input = properties.getInput() != null && !properties.getInput().isBlank();
		if (!input && properties.getInbox() == null) {
			throw new UsageException("No input given: set importer.input to the CSV or JSON Lines file to import, "
					+ "e.g. --importer.input=samples/coupon-series.csv, or importer.inbox to a directory of them");
		}
		if (input && properties.getInbox() != null) {
			throw new UsageException("Both importer.input and importer.inbox are set; set one: a file to import, "
					+ "or a directory whose files are all imported.");
		}
		if (properties.getInbox() != null && !java.nio.file.Files.isDirectory(properties.getInbox())) {
			throw new UsageException("importer.inbox " + properties.getInbox().toAbsolutePath()
					+ " is not a directory; create it or fix the path.");
		}
	}

	private static char delimiter(String text) {
		String value = "\\t".equals(text) ? "\t" : text;
		if (value == null || value.length() != 1 || value.charAt(0) > 127 || value.charAt(0) == '"'
				|| value.charAt(0) == '\n' || value.charAt(0) == '\r') {
			throw new UsageException("Invalid importer.csv.delimiter '" + text
					+ "': expected one ASCII character other than a quote or line break, e.g. ; or | or \\t for tab.");
		}
		return value.charAt(0);
	}

	/** How many record ranges a partitioned import is split into. */
	public int partitions() {
		return this.properties.getPartitions();
	}

	public char delimiter() {
		return this.delimiter;
	}

	public RejectLimit rejectLimit() {
		return this.rejectLimit;
	}

	/**
	 * Records per transaction: as configured, else 5000 for the database (measured faster than 2000, whose
	 * chunk ends cost more, and than 10000, whose records in flight cost more GC) and, for the API, 100 rounds
	 * of {@code importer.api.concurrency} calls (100 to 5000): at each chunk's end the calls in flight drain
	 * and nothing is sent until the next chunk starts, so the fewer boundaries the better. A dry run or a plan
	 * writes nothing, so its chunk ends cost little, while the records in flight (a chunk, and one more read
	 * ahead) are what its garbage collector copies again and again: 1000 (a realistic 1M-record dry run at
	 * -Xmx256m took 11 s instead of 23 s with 5000).
	 */
	public int chunkSize() {
		if (this.properties.getChunkSize() > 0) {
			return this.properties.getChunkSize();
		}
		if (this.properties.isDryRun()) {
			return 1000;
		}
		if (this.properties.getTarget() != Target.API) {
			return 5000;
		}
		return Math.max(100, Math.min(5000, 100 * this.properties.getApi().getConcurrency()));
	}

	/** The target as named in job parameters and summaries: {@code db} or {@code api}. */
	public String target() {
		return this.properties.getTarget().name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Job parameter with {@link #fingerprint()}, so that workers can check they decide as the manager does. */
	public static final String FINGERPRINT = "options.fingerprint";

	/** A digest of the options that decide a record's outcome; workers of a partitioned import must share it. */
	public String fingerprint() {
		ImporterProperties p = this.properties;
		String decisive = String.join("|", p.getTarget().name(), p.getOnExisting().name(), String.valueOf(p.getOrgId()),
				String.valueOf(p.getCreatedBy()), String.valueOf(p.isAllowPastExpiry()), p.getEncoding().name(),
				String.valueOf(this.delimiter), String.valueOf(p.getMaxRejects()), String.valueOf(chunkSize()),
				String.valueOf(p.isDryRun()), String.valueOf(p.getReportDir().toAbsolutePath().normalize()),
				String.valueOf(p.getApi().getBaseUrl()));
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(decisive.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where the reports of an import of {@code input} go. A plan's are named {@code <base>.plan-<id>.*}: its
	 * job repository is its own, so its instance id says nothing about the import's.
	 */
	public ReportPaths reportPaths(InputFile input, long jobInstanceId) {
		String base = this.properties.isPlan() ? input.baseName() + ".plan" : input.baseName();
		return new ReportPaths(this.properties.getReportDir(), base, jobInstanceId);
	}

	/** The reject report, results file and counts at {@code paths}, in the input's format. */
	public ImportReports reports(ReportPaths paths, CouponSeriesReader reader) {
		boolean withResults = !this.properties.isDryRun() || this.properties.isPlan();
		CsvHeader header = reader.readHeader();
		return (header != null)
				? ImportReports.forCsv(paths, this.properties.getEncoding(), this.delimiter, header.keptNames(), withResults)
				: ImportReports.forJsonLines(paths, this.properties.getEncoding(), withResults);
	}

	/** The validator of a step: the options' defaults, and the time the job instance first started. */
	public CouponSeriesValidator validator(StepExecution step, JobRepository jobRepository) {
		ValidationSettings settings = new ValidationSettings(this.properties.getOrgId(), this.properties.getCreatedBy(),
				OffsetDateTime.parse(JobStartTime.of(step, jobRepository)), this.properties.isAllowPastExpiry());
		return new CouponSeriesValidator(settings);
	}

	public CouponSeriesReader reader(InputFile input) {
		return new CouponSeriesReader(input, this.properties.getEncoding(), this.delimiter);
	}

}
