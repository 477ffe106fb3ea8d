package com.example.couponimporter.validate;

import tools.jackson.databind.JsonNode;

/** How a found value appears in a message: quoted, shortened, without control characters. */
final class Shown {

	private static final int MAX = 60;

	private Shown() {
	}

	static String value(JsonNode node) {
		return text(node.isString() ? node.stringValue() : node.toString());
	}

	static String text(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", " ");
		return "'" + ((clean.length() > MAX) ? clean.substring(0, MAX) + "..." : clean) + "'";
	}

}
