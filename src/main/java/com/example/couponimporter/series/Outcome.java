package com.example.couponimporter.series;

/** How a record ended (SPEC §6): {@code read = created + updated + existing + rejected}. */
public enum Outcome {
	CREATED, UPDATED, EXISTING, REJECTED;

	/** The outcome as written in results files and summaries. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
