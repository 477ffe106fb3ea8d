package com.example.couponimporter.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged importer jar run as a separate process, as ops and Kubernetes run it. */
public final class ImporterProcess {

	public static final Path JAR = Path.of("target/coupon-series-importer.jar").toAbsolutePath();

	private ImporterProcess() {
	}

	/** Starts the jar in {@code workDir}; its output goes to {@code workDir/output.log}. */
	public static Process start(Path workDir, String... args) throws IOException {
		return start(workDir, List.of(), args);
	}

	/** Starts the jar in {@code workDir} with options for the JVM, such as {@code -Dspring.aot.enabled=true}. */
	public static Process start(Path workDir, List<String> javaOptions, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m"));
		command.addAll(javaOptions);
		command.addAll(List.of("-jar", JAR.toString()));
		command.addAll(List.of(args));
		return startCommand(workDir, Map.of(), command);
	}

	/** The launcher {@code bin/importer}, copied into {@code home}, where it looks for the jar and the AOT cache. */
	public static Path launcherIn(Path home) throws IOException {
		Files.createDirectories(home);
		return executable(Files.copy(Path.of("bin/importer"), home.resolve("importer")));
	}

	public static Path executable(Path file) throws IOException {
		return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/** Starts a command, such as the launcher {@code bin/importer}, in {@code workDir} with more environment. */
	public static Process startCommand(Path workDir, Map<String, String> environment, List<String> command)
			throws IOException {
		Files.createDirectories(workDir);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("output.log").toFile()));
		builder.environment().putAll(environment);
		return builder.start();
	}

	/** Runs the jar to its end (at most two minutes) and returns its exit code. */
	public static int run(Path workDir, String... args) throws IOException, InterruptedException {
		return run(workDir, List.of(), args);
	}

	/** Runs the jar with options for the JVM to its end (at most two minutes) and returns its exit code. */
	public static int run(Path workDir, List<String> javaOptions, String... args)
			throws IOException, InterruptedException {
		return waitFor(start(workDir, javaOptions, args));
	}

	/** Runs a command in {@code workDir} with more environment to its end (at most two minutes). */
	public static int runCommand(Path workDir, Map<String, String> environment, List<String> command)
			throws IOException, InterruptedException {
		return waitFor(startCommand(workDir, environment, command));
	}

	private static int waitFor(Process process) throws InterruptedException {
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the importer did not finish within two minutes");
		}
		return process.exitValue();
	}

	public static String output(Path workDir) throws IOException {
		return Files.readString(workDir.resolve("output.log"));
	}

}
