package com.example.couponimporter.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.example.couponimporter.series.Outcome;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review page {@code <base>-<jobInstanceId>.review.html}: one self-contained file (no network needed)
 * with the summary, the rejects counted by code and by field, and the rejected records as a table that
 * can be filtered by code and field and searched. The first {@link #SHOWN} records come from the reject
 * report, the whole truth across restarts and partitions; the counts are the summary's, of all of them,
 * so that only those first records are read back, however many there are.
 * Input cells are untrusted: they travel as JSON in a {@code <script type="application/json">} element
 * with {@code <}, {@code >} and {@code &} escaped, and the page's script only ever sets them as text.
 */
public final class ReviewPage {

	/** Rejected records in the page; the counts and the reject report have all of them. */
	public static final int SHOWN = 5_000;

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private static final String DATA = "/*REVIEW-DATA*/";

	private ReviewPage() {
	}

	/**
	 * Writes the page of a run whose summary is {@code summary}, reading its reject report (if any) in
	 * {@code charset} with {@code delimiter} (CSV).
	 */
	public static void write(Path page, RunSummary summary, Charset charset, char delimiter) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.set("summary", summary.toJson());
		data.put("rejectLink", link(summary.rejectFile()));
		data.put("resultsLink", link(summary.resultsFile()));
		data.put("shownLimit", SHOWN);
		Rejects rejects = new Rejects();
		if (summary.rejectFile() != null) {
			try {
				if ("csv".equals(summary.format())) {
					rejects.readCsv(summary.rejectFile(), charset, delimiter);
				}
				else {
					rejects.readJsonLines(summary.rejectFile(), charset);
				}
			}
			catch (IOException | CsvValidationException ex) {
				throw new UncheckedIOException("Cannot read the reject report " + summary.rejectFile()
						+ " for the review page", (ex instanceof IOException io) ? io : new IOException(ex));
			}
		}
		rejects.addTo(data, summary.counts());
		String html = withScriptHash(template()).replace(DATA, scriptSafe(MAPPER.writeValueAsString(data)));
		try {
			Files.createDirectories(page.toAbsolutePath().getParent());
			Path part = page.resolveSibling(page.getFileName() + ".part");
			Files.writeString(part, html, StandardCharsets.UTF_8);
			Files.move(part, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the review page " + page, ex);
		}
	}

	/** JSON that cannot end the script element it is in, nor be read as markup. */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
			.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
	}

	/**
	 * The page with its Content-Security-Policy allowing its own script only, by hash: markup that somehow got
	 * into the page could not run a script of its own.
	 */
	static String withScriptHash(String template) {
		int start = template.lastIndexOf("<script>") + "<script>".length();
		String script = template.substring(start, template.indexOf("</script>", start));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
			return template.replace("script-src 'unsafe-inline'",
					"script-src 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A link relative to the page, which sits beside the reports. */
	private static @Nullable String link(@Nullable Path file) {
		if (file == null) {
			return null;
		}
		return URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String template() {
		try (InputStream in = ReviewPage.class.getResourceAsStream("review-page.html")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rejected records as the page shows them, and their counts by code and by field. */
	private static final class Rejects {

		private final List<String> columns = new ArrayList<>();

		private final Map<String, Integer> columnIndex = new LinkedHashMap<>();

		private final ArrayNode rows = JsonNodeFactory.instance.arrayNode();

		void readCsv(Path file, Charset charset, char delimiter) throws IOException, CsvValidationException {
			try (BufferedReader in = Files.newBufferedReader(file, charset);
					CSVReader csv = new CSVReaderBuilder(in)
						.withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
						.build()) {
				String[] header = csv.readNext();
				int inputColumns = header.length - 3;
				for (int i = 0; i < inputColumns; i++) {
					column(header[i]);
				}
				for (String[] cells = next(csv); cells != null; cells = next(csv)) {
					List<String[]> errors = new ArrayList<>();
					String codes = cell(cells, inputColumns + 1);
					for (String pair : codes.isEmpty() ? new String[0] : codes.split(";")) {
						int equals = pair.lastIndexOf('=');
						errors.add(new String[] { pair.substring(0, Math.max(0, equals)), pair.substring(equals + 1), "" });
					}
					if (!errors.isEmpty()) {
						errors.get(0)[2] = cell(cells, inputColumns + 2);
					}
					List<String> values = new ArrayList<>();
					for (int i = 0; i < Math.min(inputColumns, cells.length); i++) {
						values.add(cells[i]);
					}
					add(cell(cells, inputColumns), values, errors);
				}
			}
		}

		/** The next record of the CSV report, or {@code null} at its end or when the page holds enough. */
		private String[] next(CSVReader csv) throws IOException, CsvValidationException {
			return (this.rows.size() < SHOWN) ? csv.readNext() : null;
		}

		void readJsonLines(Path file, Charset charset) throws IOException {
			try (BufferedReader in = Files.newBufferedReader(file, charset)) {
				for (String line = in.readLine(); line != null && this.rows.size() < SHOWN; line = in.readLine()) {
					if (line.isBlank()) {
						continue;
					}
					JsonNode json = MAPPER.readTree(line);
					List<String[]> errors = new ArrayList<>();
					json.path("_errors").forEach(e -> errors.add(new String[] { e.path("field").asString(""),
							e.path("code").asString(""), e.path("message").asString("") }));
					add(json.path("_line").asString(""), cells(json), errors);
				}
			}
		}

		/** The cells of a JSON Lines reject: its keys' values, or the raw line that was not JSON. */
		private List<String> cells(JsonNode json) {
			List<String> values = new ArrayList<>();
			if (json.has("_raw")) {
				column("_raw");
				set(values, "_raw", json.get("_raw").asString(""));
				return values;
			}
			json.properties().stream().filter(p -> !p.getKey().startsWith("_")).forEach(p -> {
				column(p.getKey());
				set(values, p.getKey(), p.getValue().isString() ? p.getValue().asString() : p.getValue().toString());
			});
			return values;
		}

		private void add(String line, List<String> values, List<String[]> errors) {
			ObjectNode row = this.rows.addObject();
			row.put("line", line);
			ArrayNode cells = row.putArray("cells");
			values.forEach(cells::add);
			ArrayNode list = row.putArray("errors");
			for (String[] error : errors) {
				list.addObject().put("field", error[0]).put("code", error[1]).put("message", error[2])
					.put("column", columnOf(error[0]));
			}
		}

		/** The index of the column that holds the field (names compared without case and separators), or -1. */
		private int columnOf(String field) {
			if ("*".equals(field)) {
				return 0;
			}
			Integer index = this.columnIndex.get(normalised(field));
			return (index != null) ? index : -1;
		}

		private void column(String name) {
			if (this.columnIndex.putIfAbsent(normalised(name), this.columns.size()) == null) {
				this.columns.add(name);
			}
		}

		private void set(List<String> values, String column, String value) {
			int index = this.columnIndex.get(normalised(column));
			while (values.size() <= index) {
				values.add("");
			}
			values.set(index, value);
		}

		private static String normalised(String name) {
			return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		}

		private static String cell(String[] cells, int index) {
			return (index < cells.length) ? cells[index] : "";
		}

		void addTo(ObjectNode data, OutcomeCounts counts) {
			ArrayNode columns = data.putArray("columns");
			this.columns.forEach(columns::add);
			data.set("rows", this.rows);
			data.put("total", counts.get(Outcome.REJECTED));
			ObjectNode codes = data.putObject("byCode");
			counts.rejectsByCode().forEach((code, n) -> codes.put(code.name(), n));
			ObjectNode fields = data.putObject("byField");
			counts.rejectsByField().forEach(fields::put);
		}

	}

}
