package com.example.couponimporter.write.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.example.couponimporter.read.Json;

/**
 * Capillary's OAuth: a token from {@code POST /v3/oauth/token/generate} sent as
 * {@code X-CAP-API-OAUTH-TOKEN}, fetched again a fifth of its lifetime (at most a minute) before it expires,
 * and at once when the API refuses it.
 */
final class OAuthTokens implements ApiAuth {

	private static final Duration MAX_EARLY_RENEWAL = Duration.ofMinutes(1);

	private final HttpTransport transport;

	private final URI tokenUri;

	private final byte[] request;

	private final Backoff backoff;

	private String token;

	private long renewAt;

	OAuthTokens(HttpTransport transport, String base, String key, String secret, Backoff backoff) {
		this.transport = transport;
		this.tokenUri = URI.create(base + "/v3/oauth/token/generate");
		this.request = Json.MAPPER.writeValueAsBytes(Map.of("key", key, "secret", secret));
		this.backoff = backoff;
	}

	@Override
	public String headerName() {
		return "X-CAP-API-OAUTH-TOKEN";
	}

	@Override
	public synchronized String headerValue() throws IOException, InterruptedException {
		if (this.token == null || System.nanoTime() - this.renewAt >= 0) {
			fetch();
		}
		return this.token;
	}

	@Override
	public synchronized boolean renew(String refusedValue) {
		if (refusedValue.equals(this.token)) {
			this.token = null;
		}
		return true;
	}

	@Override
	public String advice() {
		return "check importer.api.oauth-key and importer.api.oauth-secret and the API client's access group";
	}

	private void fetch() throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			long sentAt = System.nanoTime();
			ApiResponse response;
			try {
				response = this.transport.sendUnlimited(HttpRequest.newBuilder(this.tokenUri)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(this.request)));
			}
			catch (IOException ex) {
				retryOrFail(attempt, null, ex.toString());
				continue;
			}
			if (response.isSuccess()) {
				accept(response, sentAt);
				return;
			}
			if (!response.isRetryable()) {
				throw new ApiRefusedException("The API refused to issue an OAuth token (" + response.describe()
						+ "): " + advice());
			}
			retryOrFail(attempt, response.retryAfter(), response.describe());
		}
	}

	private void accept(ApiResponse response, long sentAt) {
		JsonNode data = response.json().path("data");
		String accessToken = data.path("accessToken").asString(null);
		long ttlSeconds = data.path("ttlSeconds").asLong(0);
		if (accessToken == null || accessToken.isBlank() || ttlSeconds <= 0) {
			throw new ApiRefusedException("The OAuth token endpoint answered without data.accessToken and "
					+ "data.ttlSeconds (" + response.describe() + "); check importer.api.base-url");
		}
		Duration ttl = Duration.ofSeconds(ttlSeconds);
		Duration early = ttl.dividedBy(5).compareTo(MAX_EARLY_RENEWAL) < 0 ? ttl.dividedBy(5) : MAX_EARLY_RENEWAL;
		this.token = accessToken;
		this.renewAt = sentAt + ttl.minus(early).toNanos();
	}

	private void retryOrFail(int attempt, Duration retryAfter, String failure) throws InterruptedException {
		if (attempt >= this.backoff.maxAttempts()) {
			throw new ApiUnavailableException("The API's OAuth token endpoint " + this.tokenUri + " failed "
					+ attempt + " times (last: " + failure + "); check the API's status and run the same command again");
		}
		this.backoff.sleep(attempt, retryAfter);
	}

	@Override
	public String toString() {
		return "OAuth (key and token hidden)";
	}

}
