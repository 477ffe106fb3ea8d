package com.example.couponimporter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake of the Create coupon series API on MockWebServer, behaving like the real one where tests need it:
 * Basic or OAuth credentials (401 otherwise), tokens that expire, a series lookup by code, 751 for a
 * duplicate code (unless told not to enforce it), latency, and scripted faults: 429 with Retry-After, 5xx,
 * calls that create the series but answer too late, 4xx error bodies for chosen codes.
 */
public final class FakeCouponApi implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** A call the fake received. */
	public record Call(String method, String path, Headers headers, String body, long arrivedNanos, int status) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/** One scripted answer to a create call: a status with headers, or a stall after creating the series. */
	public record Fault(int status, String retryAfter, boolean stalls) {

		public static Fault status(int status) {
			return new Fault(status, null, false);
		}

		public static Fault tooManyRequests(String retryAfter) {
			return new Fault(429, retryAfter, false);
		}

		/** Creates the series, then answers only after the client gave up. */
		public static Fault createThenStall() {
			return new Fault(200, null, true);
		}

	}

	private final MockWebServer server = new MockWebServer();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, List<Long>> idsByCode = new ConcurrentHashMap<>();

	private final Deque<Fault> faults = new ArrayDeque<>();

	private final Map<String, String> rejections = new ConcurrentHashMap<>();

	private final Map<String, List<String>> warnings = new ConcurrentHashMap<>();

	private final Map<String, Long> tokens = new ConcurrentHashMap<>();

	private final AtomicLong nextId = new AtomicLong(900_000);

	private volatile Duration latency = Duration.ZERO;

	private volatile Duration stall = Duration.ofSeconds(5);

	private volatile boolean uniqueCodes = true;

	private volatile String basicHeader;

	private volatile String oauthKey;

	private volatile String oauthSecret;

	private volatile long tokenTtlSeconds = 300;

	private volatile int lookupStatus = 200;

	private volatile int revokeTokensAfterCreates = -1;

	private volatile String lookupParam = "seriesCode";

	public FakeCouponApi() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
				long arrived = System.nanoTime();
				MockResponse response = answer(request);
				FakeCouponApi.this.calls.add(new Call(request.getMethod(), request.getTarget(), request.getHeaders(),
						request.getBody() != null ? request.getBody().utf8() : "", arrived, response.getCode()));
				return response;
			}
		});
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base URL to give the importer, without a trailing slash. */
	public String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	/** Accepts only {@code Authorization: <header>}. */
	public FakeCouponApi basic(String header) {
		this.basicHeader = header;
		return this;
	}

	/** Accepts only tokens issued for this key and secret, each valid for {@code ttlSeconds}. */
	public FakeCouponApi oauth(String key, String secret, long ttlSeconds) {
		this.oauthKey = key;
		this.oauthSecret = secret;
		this.tokenTtlSeconds = ttlSeconds;
		return this;
	}

	/** Invalidates every token issued so far once {@code creates} series were created, as a key rotation would. */
	public FakeCouponApi revokeTokensAfter(int creates) {
		this.revokeTokensAfterCreates = creates;
		return this;
	}

	public FakeCouponApi latency(Duration latency) {
		this.latency = latency;
		return this;
	}

	/** How long a {@link Fault#createThenStall()} call takes to answer. */
	public FakeCouponApi stall(Duration stall) {
		this.stall = stall;
		return this;
	}

	/** Whether a second create with the same series code gets 751, as the real API does. */
	public FakeCouponApi uniqueCodes(boolean unique) {
		this.uniqueCodes = unique;
		return this;
	}

	/** The status every lookup gets; 400 makes lookups impossible. */
	public FakeCouponApi lookupStatus(int status) {
		this.lookupStatus = status;
		return this;
	}

	/** Adds faults answered, in order, to the next create calls. */
	public synchronized FakeCouponApi faults(Fault... next) {
		this.faults.addAll(List.of(next));
		return this;
	}

	/** Answers creates of this series code with 400 and the given API error. */
	public FakeCouponApi reject(String seriesCode, int code, String message) {
		this.rejections.put(seriesCode, "{\"errors\":[{\"status\":false,\"code\":" + code + ",\"message\":\""
				+ message + "\"}]}");
		return this;
	}

	/** Creates this series code with the given warnings in the answer. */
	public FakeCouponApi warn(String seriesCode, String... warnings) {
		this.warnings.put(seriesCode, List.of(warnings));
		return this;
	}

	/** A series that already exists in the API, as if created earlier by someone else. */
	public long preexisting(String seriesCode) {
		long id = this.nextId.incrementAndGet();
		this.idsByCode.computeIfAbsent(seriesCode, c -> new CopyOnWriteArrayList<>()).add(id);
		return id;
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	public List<Call> creates() {
		return this.calls.stream().filter(c -> c.method().equals("POST") && c.path().equals("/v2/coupon/series")).toList();
	}

	/** How many series were created per code; more than 1 means a duplicate. */
	public Map<String, Integer> createdPerCode() {
		return this.idsByCode.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
	}

	public long idOf(String seriesCode) {
		return this.idsByCode.get(seriesCode).get(0);
	}

	/** The most coupon series calls (creates and lookups) that arrived in any window of the given length. */
	public int mostCallsWithin(Duration window) {
		List<Long> arrivals = this.calls.stream()
			.filter(c -> c.path().startsWith("/v2/"))
			.map(Call::arrivedNanos)
			.sorted()
			.toList();
		int most = 0;
		int first = 0;
		for (int last = 0; last < arrivals.size(); last++) {
			while (arrivals.get(last) - arrivals.get(first) >= window.toNanos()) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	private MockResponse answer(RecordedRequest request) throws InterruptedException {
		String path = request.getUrl().encodedPath();
		if (request.getMethod().equals("POST") && path.equals("/v3/oauth/token/generate")) {
			return token(request);
		}
		if (!authorised(request.getHeaders())) {
			return json(401, "{\"errors\":[{\"status\":false,\"code\":401,\"message\":\"Invalid credentials\"}]}");
		}
		if (!path.equals("/v2/coupon/series")) {
			return json(404, "{\"errors\":[{\"code\":404,\"message\":\"Not found\"}]}");
		}
		if (this.latency.toMillis() > 0) {
			Thread.sleep(this.latency.toMillis());
		}
		return request.getMethod().equals("GET") ? lookup(request) : create(request);
	}

	private MockResponse create(RecordedRequest request) {
		Fault fault = nextFault();
		if (fault != null && !fault.stalls()) {
			MockResponse.Builder response = new MockResponse.Builder().code(fault.status())
				.setHeader("Content-Type", "application/json")
				.body("{\"errors\":[{\"code\":" + fault.status() + ",\"message\":\"Try again later\"}]}");
			return (fault.retryAfter() != null) ? response.setHeader("Retry-After", fault.retryAfter()).build()
					: response.build();
		}
		ObjectNode series = (ObjectNode) JSON.readTree(request.getBody().utf8()).get("CouponSeriesV2");
		String code = series.get("seriesCode").asString();
		if (this.rejections.containsKey(code)) {
			return json(400, this.rejections.get(code));
		}
		synchronized (this.idsByCode) {
			if (this.uniqueCodes && this.idsByCode.containsKey(code)) {
				return json(400, "{\"errors\":[{\"status\":false,\"code\":751,\"message\":\"Coupon series with the same "
						+ "series code already exists\"}]}");
			}
			long id = this.nextId.incrementAndGet();
			this.idsByCode.computeIfAbsent(code, c -> new CopyOnWriteArrayList<>()).add(id);
			series.put("id", id);
			if (this.idsByCode.size() == this.revokeTokensAfterCreates) {
				this.tokens.clear();
			}
		}
		this.warnings.getOrDefault(code, List.of()).forEach(series.putArray("warnings")::add);
		MockResponse.Builder ok = new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.setHeader("X-Cap-Requestid", "req-" + System.nanoTime())
			.body(series.toString());
		if (fault != null) {
			ok.headersDelay(this.stall.toMillis(), TimeUnit.MILLISECONDS);
		}
		return ok.build();
	}

	private MockResponse lookup(RecordedRequest request) {
		if (this.lookupStatus != 200) {
			return json(this.lookupStatus, "{\"errors\":[{\"code\":400,\"message\":\"Unknown filter\"}]}");
		}
		String code = request.getUrl().queryParameter(this.lookupParam);
		List<String> entities = new ArrayList<>();
		if (code != null) {
			this.idsByCode.getOrDefault(code, List.of())
				.forEach(id -> entities.add("{\"id\":" + id + ",\"seriesCode\":\"" + code + "\"}"));
		}
		return json(200, "{\"entity\":[" + String.join(",", entities) + "],\"warnings\":[]}");
	}

	private MockResponse token(RecordedRequest request) {
		JsonNode body = JSON.readTree(request.getBody().utf8());
		if (this.oauthKey == null || !this.oauthKey.equals(body.path("key").asString(""))
				|| !this.oauthSecret.equals(body.path("secret").asString(""))) {
			return json(401, "{\"data\":null,\"errors\":[{\"code\":401,\"message\":\"Invalid key or secret\"}]}");
		}
		String token = "token-" + this.nextId.incrementAndGet();
		this.tokens.put(token, System.nanoTime() + TimeUnit.SECONDS.toNanos(this.tokenTtlSeconds));
		return json(200, "{\"data\":{\"accessToken\":\"" + token + "\",\"ttlSeconds\":" + this.tokenTtlSeconds
				+ "},\"errors\":null}");
	}

	private boolean authorised(Headers headers) {
		if (this.basicHeader != null) {
			return this.basicHeader.equals(headers.get("Authorization"));
		}
		Long expiry = this.tokens.get(String.valueOf(headers.get("X-CAP-API-OAUTH-TOKEN")));
		return expiry != null && System.nanoTime() - expiry < 0;
	}

	private synchronized Fault nextFault() {
		return this.faults.pollFirst();
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json")
			.setHeader("X-Cap-Requestid", "req-" + System.nanoTime())
			.body(body)
			.build();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
