package com.example.couponimporter.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact parser against Jackson as the oracle: whatever it accepts, Jackson reads to an equal tree of
 * the same node types; whatever Jackson refuses, it gives up on (so the error message stays Jackson's).
 */
class CompactJsonParserTest {

	private static final List<String> SAMPLES = List.of("[-1]", "[1,2,3]", " [ 1 , 2 ]\n", "[]", "{}",
			"{\"dom\":[-1],\"dow\":[6],\"hours\":[9,10]}", "{\"channel\":\"app\",\"batch\":\"B00000\"}",
			"[{\"productType\":\"SKU\",\"productIds\":[1,2]}]", "2147483647", "2147483648", "-2147483649",
			"999999999999999999", "-0", "0", "\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\uD83D\\uDE00\"", "true", "false", "null",
			"{\"a\":null,\"b\":true,\"c\":false}", "[[[[1]]]]", "\"\"", "{\"\":1}", "12.5", "12.50", "-0.0", "0.1",
			"1e3", "1E+3", "1.0E+2", "2.25e-3", "-7.5e0", "1E-400", "123456789012345678901.5", "[1.5,-0.25]",
			"{\"min\":499.99,\"max\":-1}", "{\"région\":\"Москва\",\"e\":\"😀 ₹999 \\u00e9\"}", "\"\uFFFD\"",
			"[\"日本語\",\"a\\\"é\\\"b\"]");

	private static final List<String> NOT_TAKEN = List.of("1.", ".5", "-.5", "1e", "1e+", "01.5", "1.5.2", "1e5e1",
			"5e2147483648", "1.5e", "0x1", "01", "[01]", "-", "[1,]", "{\"a\":1,}",
			"{\"a\":1,\"a\":2}", "[1] [2]", "tru", "truex", "nul", "\"\\x\"", "\"\\u12g4\"", "\"a\tb\"", "'a'", "",
			" ", "[", "{\"a\"}", "{a:1}", "1234567890123456789", "NaN", "[1 2]", "\"unterminated", "+1", "[-]",
			"{\"a\":1}x", "\"\\u0661\\u0662\"x");

	@Test
	void acceptedValuesAreReadExactlyAsJacksonReadsThem() {
		for (String text : SAMPLES) {
			JsonNode compact = CompactJsonParser.parse(text);
			assertThat(compact).as(text).isNotNull();
			assertSameTree(compact, Json.MAPPER.readTree(text), text);
		}
	}

	@Test
	void longNumbersDuplicatesAndErrorsAreLeftToJackson() {
		for (String text : NOT_TAKEN) {
			assertThat(CompactJsonParser.parse(text)).as(text).isNull();
		}
	}

	/** A JSON Lines record is parsed from its bytes: bytes that are not UTF-8 are left to the caller's decoding. */
	@Test
	void bytesThatAreNotUtf8AreNotTaken() {
		LineDecoder strict = new LineDecoder(StandardCharsets.UTF_8);
		byte[] leadByteAlone = { '[', '"', 'a', (byte) 0xC3, '"', ']' };
		byte[] outsideText = { '[', '1', (byte) 0xC3, (byte) 0xA9, ']' };
		byte[] replacementCharacter = "[\"\uFFFD\",\"é\"]".getBytes(StandardCharsets.UTF_8);

		assertThat(CompactJsonParser.parse(leadByteAlone, strict)).isNull();
		assertThat(CompactJsonParser.parse(outsideText, strict)).isNull();
		assertThat(CompactJsonParser.parse(replacementCharacter, strict))
			.isEqualTo(Json.MAPPER.readTree("[\"\uFFFD\",\"é\"]"));
	}

	/**
	 * A record's members, with the outermost keys of the records before reused only when the whole key's text
	 * is the same, and a key given twice left to Jackson whatever the order of the keys before.
	 */
	@Test
	void aKeyOfTheRecordBeforeIsReusedOnlyForTheSameTextAndNeverHidesARepeatedKey() {
		List<String> sequence = List.of("{\"dom\":1,\"dow\":2}", "{\"domx\":1,\"dow\":2}", "{\"do\":1,\"dow\":2}",
				"{\"dom\":1}", "{\"a\\\"b\":1}", "{\"a\"b\":1}", "{\"a\\\"b\":2}", "{\"x\\u0041\":1}",
				"{\"xA\":1}", "{\"x\\u0041\":1}", "{\"dom\" :1}", "{\"dom\":{\"dom\":1}}", "{\"é\":1}", "{\"é\":2}",
				"{\"e\":1}", "{\"a\":1,\"b\":2}", "{\"b\":1}", "{\"b\":1,\"b\":2}", "{\"b\":1,\"c\":2}",
				"{\"b\":1,\"c\":2,\"b\":3}", "{\"b\":1,\"c\":2}", "{\"b\":1,\"b\":2}", "{\"c\":1,\"c\":2}", "{\"é\":1,\"é\":2}",
				"{\"x\\u0041\":1,\"xA\":2}", "{\"a\":1,\"b\":2,\"c\":3}", "{\"c\":1,\"a\":2,\"c\":3}",
				"{\"a\":1,\"x\":2,\"b\":3}", "{\"a\":1,\"x\":1,\"x\":2}", "{\"b\":1,\"a\":2}", "[1]", "1", "{}", " {\"dom\":1} ");
		RecordKeys keys = new RecordKeys();
		for (String text : sequence) {
			CompactJsonParser.Members compact = CompactJsonParser.members(text.getBytes(StandardCharsets.UTF_8), keys, null);
			JsonNode jackson;
			try {
				jackson = Json.MAPPER.readTree(text);
			}
			catch (JacksonException ex) {
				assertThat(compact).as(text).isNull();
				continue;
			}
			if (!jackson.isObject()) {
				assertThat(compact).as(text).isNull();
				continue;
			}
			assertThat(compact).as(text).isNotNull();
			assertSameTree(object(compact), jackson, text);
		}
		byte[] again = "{\"dom\":1,\"dow\":2}".getBytes(StandardCharsets.UTF_8);
		assertThat(object(CompactJsonParser.members(again, keys, null)).propertyNames()).containsExactly("dom", "dow");
	}

	private static ObjectNode object(CompactJsonParser.Members members) {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < members.size(); i++) {
			object.set(members.keys()[i], members.values()[i]);
		}
		return object;
	}

	@Test
	void mutatedValuesAreEitherReadAsJacksonReadsThemOrLeftToIt() {
		Random random = new Random(42);
		String alphabet = "{}[]\",:\\/-+0123456789.eEtrufalsn u\t\né";
		for (int round = 0; round < 200_000; round++) {
			StringBuilder text = new StringBuilder(SAMPLES.get(random.nextInt(SAMPLES.size())));
			for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
				int at = random.nextInt(text.length() + 1);
				switch (random.nextInt(3)) {
					case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
					case 1 -> text.setLength(Math.min(at, text.length()));
					default -> {
						if (at < text.length()) {
							text.deleteCharAt(at);
						}
					}
				}
			}
			JsonNode compact = CompactJsonParser.parse(text.toString());
			if (compact != null) {
				JsonNode jackson;
				try {
					jackson = Json.MAPPER.readTree(text.toString());
				}
				catch (JacksonException ex) {
					throw new AssertionError("took " + text + ", which Jackson refuses: " + ex.getOriginalMessage());
				}
				assertSameTree(compact, jackson, text.toString());
			}
		}
	}

	private static void assertSameTree(JsonNode compact, JsonNode jackson, String text) {
		assertThat(compact).as(text).isEqualTo(jackson);
		assertThat(types(compact)).as(text).isEqualTo(types(jackson));
	}

	private static List<String> types(JsonNode node) {
		List<String> types = new ArrayList<>();
		types.add(node.getClass().getSimpleName());
		if (node.isNumber()) {
			types.add(node.numberValue().toString()); // a decimal's scale too
		}
		for (JsonNode child : node.values()) {
			types.addAll(types(child));
		}
		node.propertyNames().forEach(types::add);
		return types;
	}

}
