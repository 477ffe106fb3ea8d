package com.example.couponimporter.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of the input, which names the job instance and so is needed before the job starts. Hashing a
 * large file takes seconds, as does starting Spring, and neither needs the other: {@link #startEarly} begins
 * hashing the file named on the command line (or in {@code IMPORTER_INPUT}) on a thread of its own before
 * the application context is built, and {@link #of} takes that result, or hashes now.
 */
public final class InputDigests {

	/** A file as it was when hashing began: a file changed since is hashed again. */
	private record Version(Path file, long size, long modified) {

		static Version of(Path file) throws IOException {
			Path path = file.toAbsolutePath().normalize();
			return new Version(path, Files.size(path), Files.getLastModifiedTime(path).toMillis());
		}

	}

	/**
	 * Bytes per digest update. The JIT swaps in the CPU's SHA instructions only once the update methods are
	 * compiled, and while Spring starts the compiler is busy: with 64 KB updates, so few calls, they were
	 * compiled late in half the runs and a 790 MB file took up to 2.8 s of CPU instead of 0.7 s.
	 */
	private static final int UPDATE = 4096;

	private static final Map<Version, CompletableFuture<String>> STARTED = new ConcurrentHashMap<>();

	private InputDigests() {
	}

	/** Starts hashing the local file that {@code args} (or the environment) give as {@code importer.input}. */
	public static void startEarly(String[] args, @Nullable String fromEnvironment) {
		String location = fromEnvironment;
		for (String arg : args) {
			if (arg.startsWith("--importer.input=")) {
				location = arg.substring("--importer.input=".length());
			}
		}
		if (location == null || location.isBlank() || location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
			return;
		}
		Path file = Path.of(location).toAbsolutePath().normalize();
		if (Files.isRegularFile(file) && Files.isReadable(file)) {
			CompletableFuture<String> digest = new CompletableFuture<>();
			try {
				STARTED.put(Version.of(file), digest);
			}
			catch (IOException ex) {
				return;
			}
			Thread thread = new Thread(() -> {
				try {
					digest.complete(of(Files.newInputStream(file)));
				}
				catch (IOException | RuntimeException ex) {
					digest.completeExceptionally(ex);
				}
			}, "input-sha256");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/** The SHA-256 of a local file: as hashed early, if it was, else now. */
	static String of(Path file) throws IOException {
		CompletableFuture<String> early = STARTED.remove(Version.of(file));
		if (early != null) {
			try {
				return early.join();
			}
			catch (CompletionException ex) {
				// hashed again below, where a failure is reported as for any input
			}
		}
		return of(Files.newInputStream(file));
	}

	/** Forgets the hashes started and not taken (a run that stopped before it needed one). */
	public static void forget() {
		STARTED.clear();
	}

	/** The SHA-256 of everything {@code stream} holds, as hex; closes it. */
	static String of(InputStream stream) throws IOException {
		try (InputStream in = stream) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				for (int from = 0; from < n; from += UPDATE) {
					digest.update(buffer, from, Math.min(UPDATE, n - from));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
