package com.example.couponimporter.validate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shapes of the JSON-valued fields of SPEC §4.1. Each check returns the value to store (normalised
 * where the SPEC says so) or a {@link Problem} that names the path inside the value.
 */
final class JsonShapes {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** A key of {@code redemptionRange}, its path in messages and the values it allows besides -1. */
	private record Range(String key, String path, int min, int max) {

		Range(String key, int min, int max) {
			this(key, "." + key, min, max);
		}

	}

	private static final List<Range> RANGES = List.of(new Range("dom", 1, 31), new Range("dow", 1, 7),
			new Range("hours", 0, 23));

	private static final Set<String> RANGE_KEYS = RANGES.stream().map(Range::key).collect(Collectors.toUnmodifiableSet());

	private static final Map<String, Integer> PRODUCT_LIMITS = Map.of("SKU", 10_000, "CATEGORY", 1_000, "BRAND",
			250, "ATTRIBUTE", 250);

	private static final Set<String> ENTITY_TYPES = Set.of("CONCEPT", "TILL", "ZONE", "STORE");

	private JsonShapes() {
	}

	/** Checks a JSON-valued field; fields without a shape rule (record-keeping) pass as they are. */
	static Object check(Field field, JsonNode value) {
		return switch (field) {
			case REDEMPTION_RANGE -> redemptionRange(value);
			case STORE_IDS_JSON, MUTUAL_EXCLUSIVE_SERIES_IDS -> idList(value, "");
			case CUSTOM_PROPERTY_MAP -> customPropertyMap(value);
			case PRODUCT_INFO -> productInfo(value);
			case REDEMPTION_ORG_ENTITY_DETAILS -> redemptionOrgEntityDetails(value);
			case TARGET_USER_DETAILS -> targetUserDetails(value);
			default -> value;
		};
	}

	static Object redemptionRange(JsonNode value) {
		if (!value.isObject()) {
			return typeProblem("", "a JSON object like {\"dom\":[1,15],\"dow\":[-1],\"hours\":[9,10]}", value);
		}
		for (String key : value.propertyNames()) {
			if (!RANGE_KEYS.contains(key)) {
				return Problem.of(ErrorCode.INVALID_VALUE, "may only have the keys dom, dow and hours; found the key "
						+ Shown.text(key));
			}
		}
		ObjectNode normalised = NODES.objectNode();
		for (Range range : RANGES) {
			JsonNode list = value.get(range.key());
			if (list == null || list.isNull()) {
				normalised.set(range.key(), NODES.arrayNode().add(-1));
				continue;
			}
			Object checked = integers(list, range.path());
			if (checked instanceof Problem) {
				return checked;
			}
			long[] sorted = sortedDistinct(asLongs((ArrayNode) checked));
			if (sorted.length > 1 && hasNoRestriction(sorted)) {
				return noRestrictionMixed(range.path());
			}
			if (!(sorted.length == 1 && sorted[0] == -1)) {
				for (long n : sorted) {
					if (n < range.min() || n > range.max()) {
						return Problem.of(ErrorCode.INVALID_VALUE, range.path() + " values must be from " + range.min()
								+ " to " + range.max() + " (or [-1] for no restriction); found " + n);
					}
				}
			}
			ArrayNode out = NODES.arrayNode(sorted.length);
			for (long n : sorted) {
				out.add(n);
			}
			normalised.set(range.key(), out);
		}
		return normalised;
	}

	/** A JSON array of integers (or strings holding integers) where [-1] cannot be mixed with others. */
	static Object idList(JsonNode value, String path) {
		Object checked = integers(value, path);
		if (checked instanceof ArrayNode array && array.size() > 1 && hasNoRestriction(asLongs(array))) {
			return noRestrictionMixed(path);
		}
		return checked;
	}

	static Object customPropertyMap(JsonNode value) {
		if (!value.isObject()) {
			return typeProblem("", "a JSON object of text keys and text values", value);
		}
		for (Map.Entry<String, JsonNode> property : value.properties()) {
			if (property.getKey().isEmpty() || property.getKey().length() > 100) {
				return Problem.of(ErrorCode.INVALID_VALUE, "keys must be 1 to 100 characters long; found a key of "
						+ property.getKey().length() + " characters");
			}
			if (!property.getValue().isString()) {
				return typeProblem("." + property.getKey(), "a text value", property.getValue());
			}
		}
		return value;
	}

	static Object productInfo(JsonNode value) {
		if (!value.isArray()) {
			return typeProblem("", "a JSON array of {productType, productIds or productCodes}", value);
		}
		for (int i = 0; i < value.size(); i++) {
			String path = "[" + i + "]";
			JsonNode entry = value.get(i);
			if (!entry.isObject()) {
				return typeProblem(path, "an object {productType, productIds or productCodes}", entry);
			}
			Problem unknown = onlyKeys(entry, path, "productType", "productIds", "productCodes");
			if (unknown != null) {
				return unknown;
			}
			JsonNode type = entry.get("productType");
			if (type == null || !type.isString() || !PRODUCT_LIMITS.containsKey(type.stringValue())) {
				return Problem.of(ErrorCode.INVALID_VALUE, path + ".productType must be one of SKU, CATEGORY, BRAND, "
						+ "ATTRIBUTE; found " + ((type == null) ? "nothing" : Shown.value(type)));
			}
			JsonNode ids = entry.get("productIds");
			JsonNode codes = entry.get("productCodes");
			if ((ids == null) == (codes == null)) {
				return Problem.of(ErrorCode.INVALID_VALUE,
						path + " must have exactly one of productIds and productCodes; found "
								+ ((ids == null) ? "neither" : "both"));
			}
			Object items = (ids != null) ? integers(ids, path + ".productIds") : strings(codes, path + ".productCodes");
			if (items instanceof Problem) {
				return items;
			}
			int count = ((ArrayNode) items).size();
			int limit = PRODUCT_LIMITS.get(type.stringValue());
			if (count == 0 || count > limit) {
				return Problem.of(ErrorCode.INVALID_VALUE, path + " must list 1 to " + limit + " products for "
						+ type.stringValue() + "; found " + count);
			}
		}
		return value;
	}

	static Object redemptionOrgEntityDetails(JsonNode value) {
		if (!value.isArray()) {
			return typeProblem("", "a JSON array of {redemptionOrgEntityType, orgEntityId}", value);
		}
		for (int i = 0; i < value.size(); i++) {
			String path = "[" + i + "]";
			JsonNode entry = value.get(i);
			if (!entry.isObject()) {
				return typeProblem(path, "an object {redemptionOrgEntityType, orgEntityId}", entry);
			}
			Problem unknown = onlyKeys(entry, path, "redemptionOrgEntityType", "orgEntityId");
			if (unknown != null) {
				return unknown;
			}
			JsonNode type = entry.get("redemptionOrgEntityType");
			if (type == null || !type.isString() || !ENTITY_TYPES.contains(type.stringValue())) {
				return Problem.of(ErrorCode.INVALID_VALUE, path + ".redemptionOrgEntityType must be one of CONCEPT, "
						+ "TILL, ZONE, STORE; found " + ((type == null) ? "nothing" : Shown.value(type)));
			}
			JsonNode id = entry.get("orgEntityId");
			if (id == null) {
				return Problem.of(ErrorCode.INVALID_VALUE, path + ".orgEntityId is missing");
			}
			Object parsed = ValueParser.integer(id);
			if (parsed instanceof Problem problem) {
				return Problem.of(problem.code(), path + ".orgEntityId " + problem.message());
			}
			if ((Long) parsed < 1) {
				return Problem.of(ErrorCode.INVALID_VALUE, path + ".orgEntityId must be 1 or more; found " + parsed);
			}
		}
		return value;
	}

	static Object targetUserDetails(JsonNode value) {
		if (!value.isObject()) {
			return typeProblem("", "a JSON object", value);
		}
		JsonNode limit = value.get("validMaxUserTransactionLimit");
		if (limit != null && !limit.isNull()) {
			Object parsed = ValueParser.integer(limit);
			if (parsed instanceof Problem problem) {
				return Problem.of(problem.code(), ".validMaxUserTransactionLimit " + problem.message());
			}
			if ((Long) parsed < 0) {
				return Problem.of(ErrorCode.INVALID_VALUE,
						".validMaxUserTransactionLimit must be 0 or more; found " + parsed);
			}
		}
		return value;
	}

	/** The array with every element as a JSON integer, or a problem. */
	private static Object integers(JsonNode value, String path) {
		if (!value.isArray()) {
			return typeProblem(path, "a JSON array of whole numbers like [1,2,3]", value);
		}
		if (allWholeNumbers(value)) {
			return value;
		}
		ArrayNode out = NODES.arrayNode();
		for (int i = 0; i < value.size(); i++) {
			Object parsed = ValueParser.integer(value.get(i));
			if (parsed instanceof Problem) {
				return typeProblem(path + "[" + i + "]", "a whole number", value.get(i));
			}
			out.add((Long) parsed);
		}
		return out;
	}

	private static boolean allWholeNumbers(JsonNode array) {
		for (int i = 0; i < array.size(); i++) {
			if (!array.get(i).isIntegralNumber() || !array.get(i).canConvertToLong()) {
				return false;
			}
		}
		return true;
	}

	private static Object strings(JsonNode value, String path) {
		if (!value.isArray()) {
			return typeProblem(path, "a JSON array of texts", value);
		}
		for (int i = 0; i < value.size(); i++) {
			if (!value.get(i).isString()) {
				return typeProblem(path + "[" + i + "]", "a text", value.get(i));
			}
		}
		return value;
	}

	private static boolean hasNoRestriction(long[] values) {
		for (long value : values) {
			if (value == -1) {
				return true;
			}
		}
		return false;
	}

	private static Problem noRestrictionMixed(String path) {
		return Problem.of(ErrorCode.INVALID_VALUE, path + (path.isEmpty() ? "" : " ")
				+ "[-1] means no restriction and cannot be mixed with other values");
	}

	private static Problem onlyKeys(JsonNode entry, String path, String... allowed) {
		for (String key : entry.propertyNames()) {
			if (!List.of(allowed).contains(key)) {
				return Problem.of(ErrorCode.INVALID_VALUE, path + " has the unknown key " + Shown.text(key)
						+ "; allowed: " + String.join(", ", allowed));
			}
		}
		return null;
	}

	private static long[] asLongs(ArrayNode array) {
		long[] values = new long[array.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = array.get(i).longValue();
		}
		return values;
	}

	private static long[] sortedDistinct(long[] values) {
		Arrays.sort(values);
		int distinct = 0;
		for (int i = 0; i < values.length; i++) {
			if (i == 0 || values[i] != values[i - 1]) {
				values[distinct++] = values[i];
			}
		}
		return Arrays.copyOf(values, distinct);
	}

	private static Problem typeProblem(String path, String expected, JsonNode found) {
		return Problem.of(ErrorCode.INVALID_TYPE, path + (path.isEmpty() ? "" : " ") + "must be " + expected
				+ "; found " + Shown.value(found));
	}

}
