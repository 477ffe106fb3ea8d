package com.example.couponimporter.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.example.couponimporter.series.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Builds the same tree as {@link Json#MAPPER} for the JSON that series definitions hold almost always:
 * objects, arrays, numbers, texts, {@code true}, {@code false} and {@code null}. Anything else
 * (very long numbers, duplicate keys, errors of any kind) makes it give up, and the caller
 * asks Jackson, so that values and error messages are Jackson's. Jackson's set-up per value costs more
 * than parsing a cell like {@code [1,2,3]}. It reads UTF-8 bytes: a JSON Lines record is parsed from the
 * line as read, without decoding it into a UTF-16 string first (a tenth of the reading thread's time),
 * and each text is decoded on its own.
 */
final class CompactJsonParser {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Far inside Jackson's limits, so that Jackson alone says when a value is too deep or too long. */
	private static final int MAX_DEPTH = 16;

	private static final int MAX_TEXT = 64 * 1024;

	/** Below Jackson's {@code maxNumberLength} (100 in {@link Json#MAPPER}): Jackson alone refuses a long number. */
	private static final int MAX_NUMBER = 64;

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	private static final byte[] NULL = { 'n', 'u', 'l', 'l' };

	/** Not JSON this parser takes on; never seen by callers. */
	private static final RuntimeException GIVE_UP = new RuntimeException("not compact JSON", null, false, false) {
	};

	private final byte[] text;

	private final RecordKeys keys;

	private final LineDecoder decoder;

	private int pos;

	private CompactJsonParser(byte[] text, RecordKeys keys, LineDecoder decoder) {
		this.text = text;
		this.keys = keys;
		this.decoder = decoder;
	}

	/** The tree, or {@code null} when only Jackson can tell (a lone surrogate, which UTF-8 cannot hold, too). */
	static JsonNode parse(String text) {
		if (text.length() > MAX_TEXT || hasLoneSurrogate(text)) {
			return null;
		}
		return parse(text.getBytes(StandardCharsets.UTF_8), null);
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1));
				if (!paired) {
					return true;
				}
				i++;
			}
		}
		return false;
	}

	/**
	 * The tree of UTF-8 text, or {@code null} when only Jackson can tell (bytes that are not UTF-8 too).
	 * @param decoder the input's UTF-8 decoder, which refuses bytes that are not UTF-8; {@code null} when the
	 * bytes are known to be UTF-8
	 */
	static JsonNode parse(byte[] text, LineDecoder decoder) {
		return read(text, null, decoder, parser -> parser.value(0));
	}

	/**
	 * The members of the object that UTF-8 text holds, or {@code null} when it holds something else or only
	 * Jackson can tell: a JSON Lines record, whose outermost object needs no map of its own, since its
	 * members are taken one by one into the record's fields.
	 * @param keys the keys of the file's records before, among which this record's are found, and kept when new
	 * @param decoder as for {@link #parse(byte[], LineDecoder)}
	 */
	static Members members(byte[] text, RecordKeys keys, LineDecoder decoder) {
		return read(text, keys, decoder, parser -> {
			parser.skipWhitespace();
			return (parser.text[parser.pos] == '{') ? parser.members() : null;
		});
	}

	/** What {@code read} makes of the whole text, or {@code null} when the parser gives up on it. */
	private static <T> T read(byte[] text, RecordKeys keys, LineDecoder decoder, Function<CompactJsonParser, T> read) {
		if (text.length > MAX_TEXT) {
			return null;
		}
		CompactJsonParser parser = new CompactJsonParser(text, keys, decoder);
		try {
			T value = read.apply(parser);
			parser.skipWhitespace();
			return (parser.pos == text.length) ? value : null;
		}
		catch (RuntimeException ex) {
			if (ex == GIVE_UP || ex instanceof IndexOutOfBoundsException) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * The members of a JSON object, in order: {@code size} keys, the field each names ({@code null} for none)
	 * and their values.
	 */
	record Members(String[] keys, Field[] fields, JsonNode[] values, int size) {

		static Members of(ObjectNode object) {
			String[] keys = new String[object.size()];
			Field[] fields = new Field[object.size()];
			JsonNode[] values = new JsonNode[object.size()];
			int i = 0;
			for (Map.Entry<String, JsonNode> member : object.properties()) {
				keys[i] = member.getKey();
				fields[i] = Field.byName(member.getKey());
				values[i++] = member.getValue();
			}
			return new Members(keys, fields, values, i);
		}

	}

	/**
	 * The outermost object's members, their keys found among the file's known keys. A key given twice is
	 * Jackson's to refuse; keys found in the known keys' order cannot repeat, so only a record whose keys
	 * are out of that order, or not kept there, is checked for a repeat.
	 */
	private Members members() {
		this.pos++;
		int capacity = Math.max(8, this.keys.size());
		String[] names = new String[capacity];
		Field[] fields = new Field[capacity];
		JsonNode[] values = new JsonNode[capacity];
		int size = 0;
		if (nextIs('}')) {
			return new Members(names, fields, values, 0);
		}
		int next = 0;
		boolean inOrder = true;
		do {
			skipWhitespace();
			if (this.text[this.pos] != '"') {
				throw GIVE_UP;
			}
			if (size == names.length) {
				names = Arrays.copyOf(names, size * 2);
				fields = Arrays.copyOf(fields, size * 2);
				values = Arrays.copyOf(values, size * 2);
			}
			int start = this.pos + 1;
			int known = this.keys.find(this.text, start, next);
			String key;
			if (known >= 0) {
				key = this.keys.name(known);
				this.pos = start + key.length() + 1;
			}
			else {
				key = string();
				// As many bytes as characters: ASCII without escapes, a key that its bytes can be matched with.
				known = this.keys.add(next, key, this.pos - 1 - start == key.length());
			}
			names[size] = key;
			fields[size] = (known >= 0) ? this.keys.field(known) : Field.byName(key);
			// A key not kept (known < 0) cannot be vouched for either.
			inOrder &= known >= next;
			next = (known >= 0) ? known + 1 : next;
			skipWhitespace();
			expect(':');
			values[size++] = value(1);
		}
		while (nextIs(','));
		skipWhitespace();
		expect('}');
		if (!inOrder) {
			Set<String> seen = new HashSet<>(size * 2);
			for (int i = 0; i < size; i++) {
				if (!seen.add(names[i])) {
					throw GIVE_UP;
				}
			}
		}
		return new Members(names, fields, values, size);
	}

	private JsonNode value(int depth) {
		skipWhitespace();
		byte c = this.text[this.pos];
		if (c == '{') {
			return object(depth + 1);
		}
		if (c == '[') {
			return array(depth + 1);
		}
		if (c == '"') {
			return StringNode.valueOf(string());
		}
		if (c == '-' || (c >= '0' && c <= '9')) {
			return number();
		}
		if (startsWith(TRUE)) {
			return literal(TRUE.length, BooleanNode.TRUE);
		}
		if (startsWith(FALSE)) {
			return literal(FALSE.length, BooleanNode.FALSE);
		}
		if (startsWith(NULL)) {
			return literal(NULL.length, NullNode.instance);
		}
		throw GIVE_UP;
	}

	private ObjectNode object(int depth) {
		checkDepth(depth);
		this.pos++;
		ObjectNode object = NODES.objectNode();
		if (nextIs('}')) {
			return object;
		}
		do {
			skipWhitespace();
			if (this.text[this.pos] != '"') {
				throw GIVE_UP;
			}
			String key = string();
			skipWhitespace();
			expect(':');
			if (object.putIfAbsent(key, value(depth)) != null) {
				throw GIVE_UP;
			}
		}
		while (nextIs(','));
		skipWhitespace();
		expect('}');
		return object;
	}

	private ArrayNode array(int depth) {
		checkDepth(depth);
		this.pos++;
		// Room for the short lists the fields mostly hold, so that the first element does not grow the array.
		ArrayNode array = NODES.arrayNode(4);
		if (nextIs(']')) {
			return array;
		}
		do {
			array.add(value(depth));
		}
		while (nextIs(','));
		skipWhitespace();
		expect(']');
		return array;
	}

	private String string() {
		int start = ++this.pos;
		int decoded = start;
		StringBuilder escaped = null;
		while (true) {
			byte c = this.text[this.pos];
			if (c == '"') {
				break;
			}
			if (c >= 0 && c < 0x20) {
				throw GIVE_UP;
			}
			if (c == '\\') {
				if (escaped == null) {
					escaped = new StringBuilder(this.pos - start + 16);
				}
				escaped.append(decode(decoded, this.pos)).append(unescape());
				decoded = this.pos;
				continue;
			}
			this.pos++;
		}
		String rest = decode(decoded, this.pos);
		this.pos++;
		return (escaped != null) ? escaped.append(rest).toString() : rest;
	}

	/** The text of the bytes from {@code from} to {@code to}; gives up on bytes that are not UTF-8. */
	private String decode(int from, int to) {
		String text = (this.decoder != null) ? this.decoder.decode(this.text, from, to)
				: new String(this.text, from, to - from, StandardCharsets.UTF_8);
		if (text == null) {
			throw GIVE_UP;
		}
		return text;
	}

	/** The character of the escape at the position, which it moves past. */
	private char unescape() {
		byte c = this.text[this.pos + 1];
		this.pos += 2;
		return switch (c) {
			case '"', '\\', '/' -> (char) c;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> {
				int code = 0;
				for (int i = 0; i < 4; i++) {
					code = code * 16 + hexDigit(this.text[this.pos++]);
				}
				yield (char) code;
			}
			default -> throw GIVE_UP;
		};
	}

	private static int hexDigit(byte c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
			return (c | 0x20) - 'a' + 10;
		}
		throw GIVE_UP;
	}

	/**
	 * A whole number of up to 18 digits as an int or long node, any other number as Jackson reads it with
	 * {@code USE_BIG_DECIMAL_FOR_FLOATS}: the exact {@link BigDecimal} of its text (amounts like 12.50 are in
	 * most records, and giving them up made Jackson read those records a second time). Longer whole
	 * numbers, exponents beyond four digits and anything malformed are Jackson's.
	 */
	private JsonNode number() {
		int start = this.pos;
		if (this.text[this.pos] == '-') {
			this.pos++;
		}
		int digitsFrom = this.pos;
		long value = 0;
		while (isDigit(this.pos)) {
			value = value * 10 + (this.text[this.pos] - '0');
			this.pos++;
		}
		int digits = this.pos - digitsFrom;
		if (digits == 0 || (digits > 1 && this.text[digitsFrom] == '0')) {
			throw GIVE_UP;
		}
		boolean fraction = is(this.pos, '.');
		if (fraction) {
			this.pos++;
			requireDigits(Integer.MAX_VALUE);
		}
		boolean exponent = is(this.pos, 'e') || is(this.pos, 'E');
		if (exponent) {
			this.pos++;
			if (is(this.pos, '+') || is(this.pos, '-')) {
				this.pos++;
			}
			requireDigits(4);
		}
		if (isNumberPart(this.pos)) {
			throw GIVE_UP;
		}
		if (fraction || exponent) {
			if (this.pos - start > MAX_NUMBER) {
				throw GIVE_UP;
			}
			return DecimalNode.valueOf(new BigDecimal(new String(this.text, start, this.pos - start,
					StandardCharsets.ISO_8859_1)));
		}
		if (digits > 18) {
			throw GIVE_UP;
		}
		value = (this.text[start] == '-') ? -value : value;
		return (value == (int) value) ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
	}

	/** Moves past one to {@code max} digits. */
	private void requireDigits(int max) {
		int from = this.pos;
		while (isDigit(this.pos)) {
			this.pos++;
		}
		if (this.pos == from || this.pos - from > max) {
			throw GIVE_UP;
		}
	}

	private boolean is(int at, char c) {
		return at < this.text.length && this.text[at] == c;
	}

	private boolean isDigit(int at) {
		return at < this.text.length && this.text[at] >= '0' && this.text[at] <= '9';
	}

	private boolean isNumberPart(int at) {
		return is(at, '.') || is(at, 'e') || is(at, 'E') || is(at, '+') || is(at, '-');
	}

	private boolean startsWith(byte[] literal) {
		return this.pos + literal.length <= this.text.length
				&& Arrays.equals(this.text, this.pos, this.pos + literal.length, literal, 0, literal.length);
	}

	/** The literal, unless a letter or digit (of any script: a byte of a multi-byte character) follows it. */
	private JsonNode literal(int length, JsonNode node) {
		this.pos += length;
		if (this.pos < this.text.length) {
			byte next = this.text[this.pos];
			if (next < 0 || Character.isLetterOrDigit(next)) {
				throw GIVE_UP;
			}
		}
		return node;
	}

	private boolean nextIs(char c) {
		skipWhitespace();
		if (this.text[this.pos] == c) {
			this.pos++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (this.text[this.pos++] != c) {
			throw GIVE_UP;
		}
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length) {
			byte c = this.text[this.pos];
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.pos++;
		}
	}

	private static void checkDepth(int depth) {
		if (depth > MAX_DEPTH) {
			throw GIVE_UP;
		}
	}

}
