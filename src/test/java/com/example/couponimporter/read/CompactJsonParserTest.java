package com.example.couponimporter.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

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
			"{\"a\":null,\"b\":true,\"c\":false}", "[[[[1]]]]", "\"\"", "{\"\":1}");

	private static final List<String> NOT_TAKEN = List.of("12.5", "1e3", "01", "[01]", "-", "[1,]", "{\"a\":1,}",
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
	void fractionsDuplicatesAndErrorsAreLeftToJackson() {
		for (String text : NOT_TAKEN) {
			assertThat(CompactJsonParser.parse(text)).as(text).isNull();
		}
	}

	/** The outermost keys of the value before are reused only when the whole key's text is the same. */
	@Test
	void aKeyOfTheValueBeforeIsReusedOnlyForTheSameText() {
		List<String> sequence = List.of("{\"dom\":1,\"dow\":2}", "{\"domx\":1,\"dow\":2}", "{\"do\":1,\"dow\":2}",
				"{\"dom\":1}", "{\"a\\\"b\":1}", "{\"a\"b\":1}", "{\"a\\\"b\":2}", "{\"x\\u0041\":1}",
				"{\"xA\":1}", "{\"x\\u0041\":1}", "{\"dom\" :1}", "{\"dom\":{\"dom\":1}}");
		String[] keys = new String[8];
		for (String text : sequence) {
			JsonNode compact = CompactJsonParser.parse(text, keys);
			JsonNode jackson;
			try {
				jackson = Json.MAPPER.readTree(text);
			}
			catch (JacksonException ex) {
				assertThat(compact).as(text).isNull();
				continue;
			}
			assertThat(compact).as(text).isNotNull();
			assertSameTree(compact, jackson, text);
		}
		assertThat(CompactJsonParser.parse("{\"dom\":1,\"dow\":2}", keys).propertyNames())
			.containsExactly("dom", "dow");
	}

	@Test
	void mutatedValuesAreEitherReadAsJacksonReadsThemOrLeftToIt() {
		Random random = new Random(42);
		String alphabet = "{}[]\",:\\/-0123456789.eEtrufalsn u\t\n";
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
		for (JsonNode child : node.values()) {
			types.addAll(types(child));
		}
		node.propertyNames().forEach(types::add);
		return types;
	}

}
