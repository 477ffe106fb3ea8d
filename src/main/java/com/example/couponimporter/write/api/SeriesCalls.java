package com.example.couponimporter.write.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.TargetResult;
import com.example.couponimporter.write.api.ApiLedger.Status;
import com.example.couponimporter.write.api.ApiResponse.ApiError;

/**
 * Creates one series through the API and turns the answer into an outcome (SPEC §7.2). Transient faults
 * are retried; when a failed attempt may have reached the API (a timeout, a dropped connection, a 5xx),
 * the series is looked up before it is sent again, so a retry never creates it twice.
 */
final class SeriesCalls {

	private final ApiClient client;

	private final Backoff backoff;

	private final String lookupParam;

	private final OnExisting onExisting;

	SeriesCalls(ApiClient client, Backoff backoff, String lookupParam, OnExisting onExisting) {
		this.client = client;
		this.backoff = backoff;
		this.lookupParam = lookupParam;
		this.onExisting = onExisting;
	}

	/**
	 * What the API did with a series.
	 * @param result the outcome, or {@code null} when the job stopped before it was known
	 * @param status what the ledger records, or {@code null} to leave the series pending
	 * @param mayHaveReachedApi whether a create call for it may have reached the API
	 */
	record Answer(@Nullable TargetResult result, @Nullable Status status, @Nullable String requestId,
			@Nullable Integer apiErrorCode, boolean mayHaveReachedApi) {

		static Answer unfinished(boolean mayHaveReachedApi) {
			return new Answer(null, null, null, null, mayHaveReachedApi);
		}

	}

	/** Creates the series; {@code halted} says the job is failing and nothing more may be sent. */
	Answer create(CouponSeries series, BooleanSupplier halted) throws InterruptedException {
		byte[] body = SeriesRequestBody.of(series);
		boolean mayExist = false;
		Duration retryAfter = null;
		String lastFailure = null;
		for (int attempt = 1; attempt <= this.backoff.maxAttempts(); attempt++) {
			if (attempt > 1) {
				this.backoff.sleep(attempt - 1, retryAfter);
			}
			if (halted.getAsBoolean()) {
				return Answer.unfinished(mayExist);
			}
			if (mayExist) {
				Lookup lookup = lookup(series);
				if (lookup.id() != null) {
					return new Answer(TargetResult.of(Outcome.CREATED, lookup.id()), Status.CREATED, lookup.requestId(),
							null, true);
				}
				if (lookup.impossible() != null) {
					return inDoubt(series, lookup.impossible());
				}
			}
			ApiResponse response;
			try {
				response = this.client.create(body);
			}
			catch (IOException ex) {
				mayExist |= !(ex instanceof ConnectException || ex instanceof HttpConnectTimeoutException);
				lastFailure = describe(ex);
				retryAfter = null;
				continue;
			}
			if (response.isRetryable()) {
				mayExist |= response.status() >= 500;
				lastFailure = response.describe();
				retryAfter = response.retryAfter();
				continue;
			}
			return answer(series, response);
		}
		throw new ApiUnavailableException("Creating seriesCode " + series.seriesCode() + " (line " + series.line()
				+ ") failed " + this.backoff.maxAttempts() + " times with transient faults (last: " + lastFailure
				+ "); check the API's status and run the same command again to continue");
	}

	/** A series left pending by a run that stopped: found → existing, cleanly not found → sent again. */
	Answer resolve(CouponSeries series, BooleanSupplier halted) throws InterruptedException {
		Lookup lookup = lookup(series);
		if (lookup.id() != null) {
			return new Answer(TargetResult.of(Outcome.EXISTING, lookup.id()), Status.EXISTING, lookup.requestId(), null,
					true);
		}
		if (lookup.impossible() != null) {
			return inDoubt(series, lookup.impossible());
		}
		Answer answer = create(series, halted);
		return (answer.result() == null) ? Answer.unfinished(true) : answer;
	}

	private Answer answer(CouponSeries series, ApiResponse response) throws InterruptedException {
		if (response.isSuccess()) {
			JsonNode json = response.json();
			JsonNode warnings = json.path("warnings");
			String warningsText = (warnings.isArray() && !warnings.isEmpty()) ? warnings.toString() : null;
			return new Answer(new TargetResult(Outcome.CREATED, number(json.path("id")), warningsText, null),
					Status.CREATED, response.requestId(), null, true);
		}
		ApiError error = response.error();
		Integer code = (error != null) ? error.code() : null;
		if (code != null && (code == 751 || code == 752)) {
			Lookup lookup = lookup(series);
			TargetResult result = (this.onExisting == OnExisting.REJECT)
					? TargetResult.rejected(new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.ALREADY_EXISTS,
							"seriesCode " + series.seriesCode() + " already exists in the API (" + response.describe()
									+ "); importer.on-existing=reject refuses existing series"))
					: TargetResult.of(Outcome.EXISTING, lookup.id());
			return new Answer(result, Status.EXISTING, response.requestId(), code, true);
		}
		FieldError rejected = new FieldError(FieldError.WHOLE_RECORD, ErrorCode.API_REJECTED,
				"The API rejected the series (" + response.describe() + "); fix the record and feed it again");
		return new Answer(TargetResult.rejected(rejected), Status.REJECTED, response.requestId(), code, true);
	}

	private Answer inDoubt(CouponSeries series, String why) {
		FieldError error = new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.IN_DOUBT, "The series may or may not "
				+ "have been created: a call for it got no clear answer and looking up seriesCode " + series.seriesCode()
				+ " was not possible (" + why + "); check in the API whether it exists before feeding this record again");
		return new Answer(TargetResult.rejected(error), null, null, null, true);
	}

	/**
	 * The lookup's answer: {@code id} when found, {@code impossible} saying why the API could not tell, both
	 * {@code null} for a clean "not found".
	 */
	record Lookup(@Nullable Long id, @Nullable String impossible, @Nullable String requestId) {
	}

	Lookup lookup(CouponSeries series) throws InterruptedException {
		Duration retryAfter = null;
		String lastFailure = null;
		for (int attempt = 1; attempt <= this.backoff.maxAttempts(); attempt++) {
			if (attempt > 1) {
				this.backoff.sleep(attempt - 1, retryAfter);
			}
			ApiResponse response;
			try {
				response = this.client.find(this.lookupParam, series.seriesCode());
			}
			catch (IOException ex) {
				lastFailure = describe(ex);
				retryAfter = null;
				continue;
			}
			if (response.isRetryable()) {
				lastFailure = response.describe();
				retryAfter = response.retryAfter();
				continue;
			}
			return found(series, response);
		}
		throw new ApiUnavailableException("Looking up seriesCode " + series.seriesCode() + " (line " + series.line()
				+ ") failed " + this.backoff.maxAttempts() + " times with transient faults (last: " + lastFailure
				+ "); check the API's status and run the same command again to continue");
	}

	private Lookup found(CouponSeries series, ApiResponse response) {
		if (response.status() == 404) {
			return new Lookup(null, null, response.requestId());
		}
		JsonNode entities = response.json().path("entity");
		if (!response.isSuccess() || !entities.isArray()) {
			return new Lookup(null, "the lookup answered " + response.describe(), response.requestId());
		}
		for (JsonNode entity : entities) {
			if (series.seriesCode().equals(entity.path("seriesCode").asString(null))) {
				Long id = number(entity.path("id"));
				return (id != null) ? new Lookup(id, null, response.requestId())
						: new Lookup(null, "the series was found without a numeric id", response.requestId());
			}
		}
		return entities.isEmpty() ? new Lookup(null, null, response.requestId())
				: new Lookup(null, "the lookup answered with other series only; importer.api.lookup-param="
						+ this.lookupParam + " may not be a filter this API knows", response.requestId());
	}

	private static @Nullable Long number(JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.asLong();
		}
		String text = node.isString() ? node.stringValue() : null;
		return (text != null && text.matches("[0-9]{1,18}")) ? Long.valueOf(text) : null;
	}

	private static String describe(IOException ex) {
		String kind = (ex instanceof java.net.http.HttpTimeoutException) ? "timeout" : ex.getClass().getSimpleName();
		return kind + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

}
