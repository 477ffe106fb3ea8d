package com.example.couponimporter.series;

import java.util.Locale;

/** How a record ended (SPEC §6): {@code read = created + updated + existing + rejected}. */
public enum Outcome {
	CREATED, UPDATED, EXISTING, REJECTED;

	private final String label = name().toLowerCase(Locale.ROOT);

	/** The outcome as written in results files and summaries. */
	public String label() {
		return this.label;
	}
}
