package com.example.couponimporter.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read or skipped from the file as stored, for progress by bytes. */
final class CountingInputStream extends FilterInputStream {

	private volatile long count;

	CountingInputStream(InputStream in) {
		super(in);
	}

	long count() {
		return this.count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.count++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			this.count += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		this.count += skipped;
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

}
