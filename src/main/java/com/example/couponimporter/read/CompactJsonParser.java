package com.example.couponimporter.read;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Builds the same tree as {@link Json#MAPPER} for the JSON that series definitions hold almost always:
 * objects, arrays, whole numbers, texts, {@code true}, {@code false} and {@code null}. Anything else
 * (fractions, exponents, duplicate keys, errors of any kind) makes it give up, and the caller
 * asks Jackson, so that values and error messages are Jackson's. Jackson's set-up per value costs more
 * than parsing a cell like {@code [1,2,3]}.
 */
final class CompactJsonParser {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Far inside Jackson's limits, so that Jackson alone says when a value is too deep or too long. */
	private static final int MAX_DEPTH = 16;

	private static final int MAX_TEXT = 64 * 1024;

	/** Not JSON this parser takes on; never seen by callers. */
	private static final RuntimeException GIVE_UP = new RuntimeException("not compact JSON", null, false, false) {
	};

	private final String text;

	private final String[] keys;

	private int pos;

	private CompactJsonParser(String text, String[] keys) {
		this.text = text;
		this.keys = keys;
	}

	/** The tree, or {@code null} when only Jackson can tell. */
	static JsonNode parse(String text) {
		return parse(text, null);
	}

	/**
	 * The tree, or {@code null} when only Jackson can tell.
	 * @param keys the outermost object's keys of the caller's value before, by position, which this call
	 * reuses where its keys are the same and updates; {@code null} for none
	 */
	static JsonNode parse(String text, String[] keys) {
		if (text.length() > MAX_TEXT) {
			return null;
		}
		CompactJsonParser parser = new CompactJsonParser(text, keys);
		try {
			JsonNode value = parser.value(0);
			parser.skipWhitespace();
			return (parser.pos == text.length()) ? value : null;
		}
		catch (RuntimeException ex) {
			if (ex == GIVE_UP || ex instanceof IndexOutOfBoundsException) {
				return null;
			}
			throw ex;
		}
	}

	private JsonNode value(int depth) {
		skipWhitespace();
		char c = this.text.charAt(this.pos);
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
		if (this.text.startsWith("true", this.pos)) {
			return literal(4, BooleanNode.TRUE);
		}
		if (this.text.startsWith("false", this.pos)) {
			return literal(5, BooleanNode.FALSE);
		}
		if (this.text.startsWith("null", this.pos)) {
			return literal(4, NullNode.instance);
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
		int index = 0;
		do {
			skipWhitespace();
			if (this.text.charAt(this.pos) != '"') {
				throw GIVE_UP;
			}
			String key = (depth == 1 && this.keys != null) ? knownKey(index++) : string();
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

	/**
	 * The key at this index of the outermost object, as the same string as in the value before when it is
	 * the same: the records of a file list their keys in one order, and a new string per key, hashed again
	 * for the object's map, cost ~0.5 s of CPU and more garbage per million JSON Lines records.
	 */
	private String knownKey(int index) {
		if (index >= this.keys.length) {
			return string();
		}
		String known = this.keys[index];
		int start = this.pos + 1;
		int end = start + ((known != null) ? known.length() : 0);
		if (known != null && end < this.text.length() && this.text.charAt(end) == '"'
				&& this.text.startsWith(known, start)) {
			this.pos = end + 1;
			return known;
		}
		String key = string();
		// Only a key without escapes, whose text is the key itself, can be matched by its text.
		this.keys[index] = (this.pos - 1 - start == key.length()) ? key : null;
		return key;
	}

	private String string() {
		int start = ++this.pos;
		StringBuilder escaped = null;
		while (true) {
			char c = this.text.charAt(this.pos);
			if (c == '"') {
				break;
			}
			if (c < 0x20) {
				throw GIVE_UP;
			}
			if (c == '\\') {
				if (escaped == null) {
					escaped = new StringBuilder(this.text.length()).append(this.text, start, this.pos);
				}
				escaped.append(unescape());
				continue;
			}
			if (escaped != null) {
				escaped.append(c);
			}
			this.pos++;
		}
		String value = (escaped != null) ? escaped.toString() : this.text.substring(start, this.pos);
		this.pos++;
		return value;
	}

	/** The character of the escape at the position, which it moves past. */
	private char unescape() {
		char c = this.text.charAt(this.pos + 1);
		this.pos += 2;
		return switch (c) {
			case '"', '\\', '/' -> c;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> {
				int code = 0;
				for (int i = 0; i < 4; i++) {
					code = code * 16 + hexDigit(this.text.charAt(this.pos++));
				}
				yield (char) code;
			}
			default -> throw GIVE_UP;
		};
	}

	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
			return (c | 0x20) - 'a' + 10;
		}
		throw GIVE_UP;
	}

	/** Whole numbers of up to 18 digits, without leading zeros; anything else is Jackson's. */
	private JsonNode number() {
		int start = this.pos;
		boolean negative = this.text.charAt(this.pos) == '-';
		if (negative) {
			this.pos++;
		}
		int digitsFrom = this.pos;
		long value = 0;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (c < '0' || c > '9') {
				break;
			}
			value = value * 10 + (c - '0');
			this.pos++;
		}
		int digits = this.pos - digitsFrom;
		boolean leadingZero = digits > 1 && this.text.charAt(digitsFrom) == '0';
		if (digits == 0 || digits > 18 || leadingZero || (this.pos < this.text.length() && isNumberPart(this.pos))) {
			this.pos = start;
			throw GIVE_UP;
		}
		value = negative ? -value : value;
		return (value == (int) value) ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
	}

	private boolean isNumberPart(int at) {
		char c = this.text.charAt(at);
		return c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
	}

	private JsonNode literal(int length, JsonNode node) {
		this.pos += length;
		if (this.pos < this.text.length() && Character.isLetterOrDigit(this.text.charAt(this.pos))) {
			throw GIVE_UP;
		}
		return node;
	}

	private boolean nextIs(char c) {
		skipWhitespace();
		if (this.text.charAt(this.pos) == c) {
			this.pos++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (this.text.charAt(this.pos++) != c) {
			throw GIVE_UP;
		}
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
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
