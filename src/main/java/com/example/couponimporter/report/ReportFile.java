package com.example.couponimporter.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A report file that exists only once something is written to it, and whose committed length can be
 * saved and restored: on restart it is cut back to the length of the last committed chunk, so every line
 * appears exactly once however often the job is interrupted.
 */
final class ReportFile implements Closeable {

	private final Path path;

	private final Charset charset;

	private final boolean byteOrderMark;

	private final Consumer<Writer> header;

	private FileChannel channel;

	private Writer writer;

	/** The length of the file as last restored, flushed or closed. */
	private long length;

	/**
	 * @param byteOrderMark whether a new UTF-8 file starts with a byte-order mark (so spreadsheets
	 * recognise UTF-8)
	 * @param header writes the first lines of a new file
	 */
	ReportFile(Path path, Charset charset, boolean byteOrderMark, Consumer<Writer> header) {
		this.path = path;
		this.charset = charset;
		this.byteOrderMark = byteOrderMark && StandardCharsets.UTF_8.equals(charset);
		this.header = header;
	}

	Path path() {
		return this.path;
	}

	/** Cuts the file back to {@code length} bytes; 0 removes it. */
	void restore(long length) {
		this.length = length;
		try {
			if (length == 0) {
				Files.deleteIfExists(this.path);
			}
			else if (Files.exists(this.path)) {
				try (FileChannel file = FileChannel.open(this.path, StandardOpenOption.WRITE)) {
					file.truncate(length);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restore the report file " + this.path, ex);
		}
	}

	/** The writer, creating the file (with its header) on first use. */
	Writer writer() {
		if (this.writer == null) {
			try {
				Files.createDirectories(this.path.toAbsolutePath().getParent());
				this.channel = FileChannel.open(this.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND);
				boolean fresh = this.channel.size() == 0;
				this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(this.channel),
						this.charset.newEncoder()), 1 << 16);
				if (fresh) {
					if (this.byteOrderMark) {
						this.writer.write('\uFEFF');
					}
					this.header.accept(this.writer);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the report file " + this.path, ex);
			}
		}
		return this.writer;
	}

	/** Appends {@code length} bytes after what the writer holds, creating the file (with its header) first. */
	void write(byte[] bytes, int length) {
		Writer writer = writer();
		try {
			writer.flush();
			ByteBuffer pending = ByteBuffer.wrap(bytes, 0, length);
			while (pending.hasRemaining()) {
				this.channel.write(pending);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the report file " + this.path, ex);
		}
	}

	/** The bytes a new file starts with: the byte-order mark, if any, and the header. */
	byte[] headerBytes() {
		java.io.StringWriter text = new java.io.StringWriter();
		if (this.byteOrderMark) {
			text.write('\uFEFF');
		}
		this.header.accept(text);
		return text.toString().getBytes(this.charset);
	}

	/**
	 * Replaces this file with the concatenation of {@code parts} in order (those that exist), each after
	 * the first without its header; written to a temporary file first, so the merge can be redone.
	 */
	void mergeFrom(java.util.List<ReportFile> parts) {
		long headerLength = headerBytes().length;
		Path temporary = this.path.resolveSibling(this.path.getFileName() + ".merging");
		boolean any = false;
		try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			for (ReportFile part : parts) {
				if (!Files.exists(part.path)) {
					continue;
				}
				try (FileChannel in = FileChannel.open(part.path, StandardOpenOption.READ)) {
					long from = any ? headerLength : 0;
					long size = in.size();
					for (long done = from; done < size;) {
						done += in.transferTo(done, size - done, out);
					}
				}
				any = true;
			}
			out.force(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot merge the partitions' reports into " + this.path, ex);
		}
		try {
			if (any) {
				Files.move(temporary, this.path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
						java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				Files.delete(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot merge the partitions' reports into " + this.path, ex);
		}
	}

	/** Flushes what was written and returns the file's length (0 when it was never created). */
	long flush() {
		if (this.writer == null) {
			return this.length;
		}
		try {
			this.writer.flush();
			this.length = this.channel.size();
			return this.length;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the report file " + this.path, ex);
		}
	}

	boolean created() {
		return this.writer != null || Files.exists(this.path);
	}

	@Override
	public void close() {
		try {
			if (this.writer != null) {
				flush();
				this.writer.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot close the report file " + this.path, ex);
		}
		finally {
			this.writer = null;
			this.channel = null;
		}
	}

}
