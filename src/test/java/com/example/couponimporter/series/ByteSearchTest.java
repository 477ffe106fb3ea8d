package com.example.couponimporter.series;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSearchTest {

	/** Bytes next to the ones looked for, and those whose high bit or borrow could fool a word-wide test. */
	private static final byte[] ALPHABET = { 0, 1, '\\', '\\' + 1, '\n', '\n' - 1, (byte) 0x80, (byte) 0xFF,
			(byte) 0xDC, 'a' };

	@Test
	void findsTheFirstMatchInAnyRangeAsAByteByByteLoopDoes() {
		Random random = new Random(7);
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				// Mostly one filler byte, so that matches are rare and fall anywhere in a word.
				bytes[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) 'a';
			}
			int from = random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);
			byte a = ALPHABET[random.nextInt(ALPHABET.length)];
			byte b = ALPHABET[random.nextInt(ALPHABET.length)];
			assertThat(ByteSearch.indexOfEither(bytes, from, to, a, b)).isEqualTo(naive(bytes, from, to, a, b));
			assertThat(ByteSearch.indexOf(bytes, from, to, a)).isEqualTo(naive(bytes, from, to, a, a));
		}
	}

	@Test
	void aMatchPastTheEndOfTheRangeIsNotFound() {
		byte[] bytes = "abcdefghijklmnop\n".getBytes();
		assertThat(ByteSearch.indexOf(bytes, 0, 16, (byte) '\n')).isEqualTo(-1);
		assertThat(ByteSearch.indexOf(bytes, 0, 17, (byte) '\n')).isEqualTo(16);
		assertThat(ByteSearch.indexOf(bytes, 3, 9, (byte) 'c')).isEqualTo(-1);
	}

	private static int naive(byte[] bytes, int from, int to, byte a, byte b) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == a || bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

}
