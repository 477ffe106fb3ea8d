package com.example.couponimporter.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ExitCodes;
import com.example.couponimporter.ImporterProperties;

/**
 * Inbox mode (SPEC §10), for the CronJob: imports every input file of {@code importer.inbox} in name
 * order, then moves it to {@code processed/} (completed) or {@code failed/} (a usage error or too many
 * rejects, which a rerun cannot fix). A run that failed (exit 1) or was already running elsewhere (exit 4)
 * leaves its file in the inbox, so the next run resumes it. Files that may still be being written (a
 * {@code .part} suffix, or modified within {@code importer.inbox-settle-time}) are left for the next run.
 */
@Component
public class InboxCommand {

	private static final Log logger = LogFactory.getLog("importer");

	private static final Pattern INPUT = Pattern.compile(".+\\.(csv|jsonl|ndjson)(\\.gz)?", Pattern.CASE_INSENSITIVE);

	private final ImportCommand importCommand;

	private final ImporterProperties properties;

	InboxCommand(ImportCommand importCommand, ImporterProperties properties) {
		this.importCommand = importCommand;
		this.properties = properties;
	}

	/** Imports the inbox and returns the worst exit code of its files (1 before 2, 3, 4: a retry may help it). */
	public int run() throws IOException {
		Path inbox = this.properties.getInbox();
		List<Path> files = inputs(inbox);
		if (files.isEmpty()) {
			logger.info("The inbox " + inbox.toAbsolutePath() + " has no file ready to import.");
			return ExitCodes.OK;
		}
		int worst = ExitCodes.OK;
		for (Path file : files) {
			int exitCode = importOne(file);
			worst = worse(worst, exitCode);
		}
		logger.info("Inbox " + inbox.toAbsolutePath() + ": " + files.size() + " file(s) handled; exit code " + worst
				+ ".");
		return worst;
	}

	private int importOne(Path file) {
		logger.info("Inbox: importing " + file.getFileName());
		int exitCode;
		String failure = null;
		try {
			exitCode = this.importCommand.run(file.toString());
		}
		catch (Exception ex) {
			failure = ExitCodes.describe(ex);
			exitCode = ExitCodes.of(ex);
			logger.error(file.getFileName() + ": " + failure);
		}
		if (exitCode == ExitCodes.OK) {
			move(file, "processed", null);
		}
		else if (exitCode == ExitCodes.USAGE || exitCode == ExitCodes.TOO_MANY_REJECTS) {
			move(file, "failed", failure);
		}
		else {
			logger.warn("Inbox: " + file.getFileName() + " stays in the inbox (exit code " + exitCode
					+ "); the next run resumes it.");
		}
		return exitCode;
	}

	private List<Path> inputs(Path inbox) throws IOException {
		Instant settled = Instant.now().minus(this.properties.getInboxSettleTime());
		try (Stream<Path> entries = Files.list(inbox)) {
			return entries.filter(Files::isRegularFile)
				.filter(file -> INPUT.matcher(file.getFileName().toString()).matches())
				.filter(file -> settled(file, settled))
				.sorted()
				.toList();
		}
	}

	private static boolean settled(Path file, Instant settled) {
		try {
			if (Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
				logger.info("Inbox: " + file.getFileName() + " was modified moments ago and may still be being "
						+ "written; left for the next run.");
				return false;
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Moves the file into {@code inbox/<folder>/}, next to a note saying why when it failed before its job. */
	private void move(Path file, String folder, String failure) {
		try {
			Path directory = Files.createDirectories(file.resolveSibling(folder));
			Path target = directory.resolve(file.getFileName());
			if (Files.exists(target)) {
				String stamp = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS))
					.replace(":", "");
				target = directory.resolve(file.getFileName() + "." + stamp);
			}
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
			if (failure != null) {
				Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"), failure + "\n");
			}
			logger.info("Inbox: moved " + file.getFileName() + " to " + folder + "/");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move " + file + " to " + folder + "/: " + ex.getMessage(), ex);
		}
	}

	/** The worse of two exit codes: a failure (1) first, as a retry of the pod may resume it; then the highest. */
	static int worse(int a, int b) {
		if (a == ExitCodes.FAILED || b == ExitCodes.FAILED) {
			return ExitCodes.FAILED;
		}
		return Math.max(a, b);
	}

}
