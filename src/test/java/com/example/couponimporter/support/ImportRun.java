package com.example.couponimporter.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

import com.example.couponimporter.CouponSeriesImporterApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One in-process run of the importer and what it left in its report directory. */
public record ImportRun(int exitCode, Path reportDir) {

	/** Runs the importer with the given arguments, writing its reports to {@code reportDir}. */
	public static ImportRun run(Path reportDir, String... args) {
		List<String> all = new ArrayList<>(Arrays.asList(args));
		all.add("--importer.report-dir=" + reportDir);
		return new ImportRun(CouponSeriesImporterApplication.run(all.toArray(String[]::new)), reportDir);
	}

	/** The only report file whose name ends with the suffix, e.g. {@code rejects.csv}. */
	public Path file(String suffix) {
		List<Path> files = files(suffix);
		if (files.size() != 1) {
			throw new AssertionError("expected one *" + suffix + " in " + this.reportDir + ", found " + files);
		}
		return files.get(0);
	}

	public List<Path> files(String suffix) {
		if (!Files.isDirectory(this.reportDir)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(this.reportDir)) {
			return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public JsonNode summary() {
		try {
			return JsonMapper.shared().readTree(Files.readString(file("summary.json")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The counts of the summary as {@code read/created/updated/existing/rejected}. */
	public String counts() {
		JsonNode counts = summary().get("counts");
		return counts.get("read").asLong() + "/" + counts.get("created").asLong() + "/"
				+ counts.get("updated").asLong() + "/" + counts.get("existing").asLong() + "/"
				+ counts.get("rejected").asLong();
	}

	/** The rows of the CSV reject report, each a map from header to cell. */
	public List<Map<String, String>> rejects() {
		return csvRows(file("rejects.csv"), StandardCharsets.UTF_8, ',');
	}

	public List<Map<String, String>> results() {
		return csvRows(file("results.csv"), StandardCharsets.UTF_8, ',');
	}

	/** The results file as line, org, code and outcome: what two runs of the same file agree on, ids aside. */
	public List<List<String>> resultsWithoutIds() {
		return results().stream()
			.map(r -> List.of(r.get("_line"), r.get("orgId"), r.get("seriesCode"), r.get("outcome")))
			.toList();
	}

	/** The {@code _line -> _error_codes} pairs of the CSV reject report, in report order. */
	public Map<Long, String> rejectCodesByLine() {
		Map<Long, String> codes = new LinkedHashMap<>();
		for (Map<String, String> row : rejects()) {
			codes.put(Long.parseLong(row.get("_line")), row.get("_error_codes"));
		}
		return codes;
	}

	public List<JsonNode> jsonRejects() {
		return jsonRejects(StandardCharsets.UTF_8);
	}

	/** The JSON Lines reject report, written in the input's encoding. */
	public List<JsonNode> jsonRejects(Charset charset) {
		try {
			return Files.readAllLines(file("rejects.jsonl"), charset).stream().map(JsonMapper.shared()::readTree).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<Map<String, String>> csvRows(Path file, Charset charset, char delimiter) {
		List<String[]> lines = csvLines(file, charset, delimiter);
		List<Map<String, String>> rows = new ArrayList<>();
		String[] header = lines.get(0);
		for (String[] line : lines.subList(1, lines.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) {
				row.put(header[i], (i < line.length) ? line[i] : null);
			}
			rows.add(row);
		}
		return rows;
	}

	public static List<String[]> csvLines(Path file, Charset charset, char delimiter) {
		try (Reader in = Files.newBufferedReader(file, charset);
				CSVReader csv = new CSVReaderBuilder(in)
					.withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
					.withKeepCarriageReturn(true)
					.build()) {
			List<String[]> lines = csv.readAll();
			if (!lines.isEmpty() && lines.get(0).length > 0 && lines.get(0)[0].startsWith("\uFEFF")) {
				lines.get(0)[0] = lines.get(0)[0].substring(1);
			}
			return lines;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}
