package com.example.couponimporter.write.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.TargetResult;

/**
 * A dry run of the API target: writes the call each valid series would get to a JSON Lines file (method,
 * URL and body; never credentials) and sends nothing.
 */
final class ApiDryRunTarget implements SeriesTarget {

	private final Path requests;

	private final String url;

	ApiDryRunTarget(Path requests, String baseUrl) throws IOException {
		this.requests = requests;
		this.url = baseUrl + ApiClient.SERIES_PATH;
		Files.createDirectories(requests.toAbsolutePath().getParent());
		Files.deleteIfExists(requests);
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> series) {
		try (Writer out = Files.newBufferedWriter(this.requests, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND)) {
			for (CouponSeries s : series) {
				ObjectNode request = SeriesRequestBody.MAPPER.createObjectNode();
				request.put("_line", s.line());
				request.put("method", "POST");
				request.put("url", this.url);
				request.set("body", SeriesRequestBody.tree(s));
				out.write(SeriesRequestBody.MAPPER.writeValueAsString(request));
				out.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.requests + ": " + ex.getMessage(), ex);
		}
		return Collections.nCopies(series.size(), TargetResult.of(Outcome.CREATED, null));
	}

}
