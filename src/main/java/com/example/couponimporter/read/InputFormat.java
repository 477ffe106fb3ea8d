package com.example.couponimporter.read;

/** The formats of {@code importer.format}. */
public enum InputFormat {
	/** Chosen by extension: {@code .csv}, {@code .jsonl} or {@code .ndjson}, each optionally {@code .gz}. */
	AUTO,
	/** RFC 4180 CSV with a header row. */
	CSV,
	/** One JSON object per line. */
	JSONL
}
