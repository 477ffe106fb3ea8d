package com.example.couponimporter.write.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP request with the JDK client: never more than the rate limit allows, and never waiting
 * longer than the timeout for the whole answer (a server that stalls mid-body times out too).
 */
final class HttpTransport {

	private final HttpClient http;

	private final Duration timeout;

	private final RateLimit rateLimit;

	HttpTransport(Duration timeout, RateLimit rateLimit) {
		this.timeout = timeout;
		this.rateLimit = rateLimit;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Builds a request once the rate limit lets it go, so that credentials in it are fresh when sent. */
	@FunctionalInterface
	interface RequestFactory {

		HttpRequest.Builder create() throws IOException, InterruptedException;

	}

	/**
	 * Sends a call counted against the rate limit.
	 * @throws HttpTimeoutException when no complete answer came within the timeout
	 * @throws IOException when the connection failed
	 */
	ApiResponse send(RequestFactory request) throws IOException, InterruptedException {
		this.rateLimit.acquire();
		try {
			return exchange(request.create());
		}
		finally {
			this.rateLimit.release();
		}
	}

	/** Sends a call outside the rate limit: the OAuth token request, once per token lifetime. */
	ApiResponse sendUnlimited(HttpRequest.Builder request) throws IOException, InterruptedException {
		return exchange(request);
	}

	private ApiResponse exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
		CompletableFuture<HttpResponse<byte[]>> answer = this.http
			.sendAsync(request.timeout(this.timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
		try {
			HttpResponse<byte[]> response = answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return new ApiResponse(response.statusCode(), response.body(),
					response.headers().firstValue(ApiResponse.REQUEST_ID).orElse(null),
					ApiResponse.retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
		}
		catch (TimeoutException | CancellationException ex) {
			answer.cancel(true);
			throw new HttpTimeoutException("no answer within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			throw ex;
		}
	}

}
