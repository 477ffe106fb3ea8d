package com.example.couponimporter.write.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import com.example.couponimporter.read.Json;

/**
 * One answer of the API.
 *
 * @param requestId the {@code X-Cap-Requestid} header, the API's tracking id for the call
 * @param retryAfter the {@code Retry-After} header as a wait, when given
 */
record ApiResponse(int status, byte[] body, @Nullable String requestId, @Nullable Duration retryAfter) {

	static final String REQUEST_ID = "X-Cap-Requestid";

	boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

	/** 401 or 403: the credentials were refused. */
	boolean isAuthFailure() {
		return this.status == 401 || this.status == 403;
	}

	/** 408, 429 and 5xx: a transient fault worth another attempt. */
	boolean isRetryable() {
		return this.status == 408 || this.status == 429 || this.status >= 500;
	}

	/** The body as JSON, or a missing node when it is not JSON. */
	JsonNode json() {
		try {
			return Json.MAPPER.readTree(this.body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/** The first entry of a v2 error body {@code {"errors":[{"code":N,"message":...}]}}, if any. */
	@Nullable ApiError error() {
		JsonNode first = json().path("errors").path(0);
		if (!first.isObject()) {
			return null;
		}
		JsonNode code = first.path("code");
		return new ApiError(code.canConvertToInt() ? code.asInt() : null, first.path("message").asString(""));
	}

	/** The status, the API's error and the request id, for a person to read. */
	String describe() {
		ApiError error = error();
		String text = "HTTP " + this.status;
		if (error != null) {
			text += ", API error " + ((error.code() != null) ? error.code() + " " : "") + quoted(error.message());
		}
		else if (this.body.length > 0 && !isSuccess()) {
			text += ", body " + quoted(new String(this.body, 0, Math.min(this.body.length, 200), StandardCharsets.UTF_8));
		}
		return text + ((this.requestId != null) ? ", request id " + this.requestId : "");
	}

	private static String quoted(String text) {
		return "\"" + text.strip().replaceAll("\\s+", " ") + "\"";
	}

	/** Seconds or an HTTP date, as RFC 9110 allows; anything else is ignored. */
	static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/** An error the API reported: its numeric code, when given, and message. */
	record ApiError(@Nullable Integer code, String message) {
	}

}
