package com.example.couponimporter.write.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The two calls of the coupon series API the importer makes, with credentials. A 401 or 403 gets one
 * attempt with renewed credentials (OAuth); a second refusal fails the job.
 */
final class ApiClient {

	static final String SERIES_PATH = "/v2/coupon/series";

	private final HttpTransport transport;

	private final String base;

	private final ApiAuth auth;

	ApiClient(HttpTransport transport, String base, ApiAuth auth) {
		this.transport = transport;
		this.base = base;
		this.auth = auth;
	}

	/** {@code POST /v2/coupon/series} with a {@code {"CouponSeriesV2": ...}} body. */
	ApiResponse create(byte[] body) throws IOException, InterruptedException {
		return send("POST " + SERIES_PATH, () -> json(URI.create(this.base + SERIES_PATH))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** {@code GET /v2/coupon/series?<param>=<seriesCode>}. */
	ApiResponse find(String param, String seriesCode) throws IOException, InterruptedException {
		URI uri = URI.create(this.base + SERIES_PATH + "?" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(seriesCode, StandardCharsets.UTF_8));
		return send("GET " + SERIES_PATH, () -> json(uri).GET());
	}

	private ApiResponse send(String call, Supplier<HttpRequest.Builder> request)
			throws IOException, InterruptedException {
		// credentials are taken once the rate limit lets the call go, so a token is fresh when sent
		String[] credentials = new String[1];
		HttpTransport.RequestFactory signed = () -> {
			credentials[0] = this.auth.headerValue();
			return request.get().header(this.auth.headerName(), credentials[0]);
		};
		ApiResponse response = this.transport.send(signed);
		if (response.isAuthFailure() && this.auth.renew(credentials[0])) {
			response = this.transport.send(signed);
		}
		if (response.isAuthFailure()) {
			throw new ApiRefusedException("The API refused the credentials for " + call + " (" + response.describe()
					+ "); nothing more is sent: " + this.auth.advice() + ", then run the same command again");
		}
		return response;
	}

	private static HttpRequest.Builder json(URI uri) {
		return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Accept", "application/json");
	}

}
