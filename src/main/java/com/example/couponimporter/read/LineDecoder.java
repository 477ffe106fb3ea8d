package com.example.couponimporter.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes lines strictly (bytes invalid in the encoding are an error) or leniently (for reports). */
final class LineDecoder {

	private final Charset charset;

	private final CharsetDecoder strict;

	private final boolean utf8;

	LineDecoder(Charset charset) {
		this.charset = charset;
		this.utf8 = charset.equals(StandardCharsets.UTF_8);
		this.strict = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The text of the bytes, or {@code null} if they are not valid in the encoding. */
	String decode(byte[] bytes) {
		return decode(bytes, 0, bytes.length);
	}

	/** The text of the bytes from {@code from} to {@code to}, or {@code null} if they are not valid in the encoding. */
	String decode(byte[] bytes, int from, int to) {
		if (this.utf8) {
			// The JDK's own UTF-8 decoding is much faster; only a replacement character needs a strict look.
			String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
			if (text.indexOf('\uFFFD') < 0) {
				return text;
			}
		}
		try {
			return this.strict.reset().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/** The text of the bytes with invalid sequences replaced, for showing a malformed record. */
	String decodeLeniently(byte[] bytes) {
		return new String(bytes, this.charset);
	}

	Charset charset() {
		return this.charset;
	}

}
