package com.example.couponimporter.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The file to import: a path or a Spring resource URL, its format, and its base name for report files.
 * A gzip-compressed input (by its first bytes) is decompressed on the fly.
 */
public record InputFile(String location, Resource resource, InputFormat format, String baseName) {

	/** A URL scheme such as {@code classpath:} or {@code file:}; one letter would be a Windows drive. */
	private static final Pattern RESOURCE_URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:");

	/**
	 * Resolves {@code importer.input}.
	 * @throws UnusableInputException when the file does not exist or its format cannot be told
	 */
	public static InputFile resolve(String location, InputFormat requested) {
		Resource resource = RESOURCE_URL.matcher(location).lookingAt() ? new DefaultResourceLoader().getResource(location)
				: new FileSystemResource(location);
		if (!resource.exists() || !resource.isReadable()) {
			throw new UnusableInputException("The input " + location
					+ " does not exist or cannot be read. Check importer.input; nothing was imported.");
		}
		String name = (resource.getFilename() != null) ? resource.getFilename() : location;
		String lower = name.toLowerCase(Locale.ROOT);
		String bare = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
		InputFormat format = requested;
		if (format == InputFormat.AUTO) {
			if (bare.endsWith(".csv")) {
				format = InputFormat.CSV;
			}
			else if (bare.endsWith(".jsonl") || bare.endsWith(".ndjson")) {
				format = InputFormat.JSONL;
			}
			else {
				throw new UnusableInputException("Cannot tell the format of " + location
						+ " from its name: expected .csv, .jsonl or .ndjson (optionally .gz). "
						+ "Set importer.format=csv or importer.format=jsonl.");
			}
		}
		return new InputFile(location, resource, format, baseName(name));
	}

	/** The file name without directories and without .gz, .csv, .jsonl or .ndjson. */
	static String baseName(String name) {
		String base = name.replaceAll("(?i)\\.gz$", "");
		return base.replaceAll("(?i)\\.(csv|jsonl|ndjson)$", "");
	}

	/** Opens the (decompressed) content. */
	public InputStream open() throws IOException {
		return open(new CountingInputStream(this.resource.getInputStream()));
	}

	/** Opens the (decompressed) content of the stored bytes that {@code stored} counts. */
	InputStream open(CountingInputStream stored) throws IOException {
		InputStream raw = new BufferedInputStream(stored, 1 << 16);
		raw.mark(2);
		int b1 = raw.read();
		int b2 = raw.read();
		raw.reset();
		if (b1 == 0x1f && b2 == 0x8b) {
			return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
		}
		return raw;
	}

	/** Whether the content is gzip-compressed (by its first bytes), so that positions cannot be sought. */
	public boolean isCompressed() {
		try (InputStream in = this.resource.getInputStream()) {
			return in.read() == 0x1f && in.read() == 0x8b;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The size of the file as stored (compressed, for gzip), or -1 when the resource cannot tell. */
	public long storedSize() {
		try {
			return this.resource.contentLength();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The SHA-256 of the file as stored, in hex: what identifies an import of this content. */
	public String sha256() {
		try {
			return (this.resource instanceof FileSystemResource file) ? InputDigests.of(file.getFile().toPath())
					: InputDigests.of(this.resource.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
