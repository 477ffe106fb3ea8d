import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake of the Create coupon series API for benchmarks (run as a source file: java bench/FakeApi.java):
 * every call answers after a fixed latency. POST /v2/coupon/series creates (751 for a repeated code),
 * GET /v2/coupon/series?seriesCode=X looks up, POST /v3/oauth/token/generate issues a token; any
 * credentials are accepted. Calls under /warm-up/ (e.g. /warm-up/v2/coupon/series) are answered the same way
 * but not counted, so that a client can warm the fake's JIT before a measured run. On SIGTERM it writes
 * (of the /v2 calls) {"calls", "created", "mostCallsInOneSecond", "callsPerSecond"} to STATS_FILE, the last
 * counting calls in each second from the first one.
 *
 * usage: java bench/FakeApi.java PORT LATENCY_MS STATS_FILE
 */
public class FakeApi {

	private static final Pattern SERIES_CODE = Pattern.compile("\"seriesCode\"\\s*:\\s*\"([^\"]*)\"");

	private static final Map<String, Long> series = new ConcurrentHashMap<>();

	private static final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

	private static final AtomicLong ids = new AtomicLong();

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		long latencyMs = Long.parseLong(args[1]);
		Path stats = Path.of(args[2]);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", exchange -> {
			if (exchange.getRequestURI().getPath().startsWith("/v2/")) {
				arrivals.add(System.nanoTime());
			}
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				Thread.sleep(latencyMs);
				answer(exchange, new String(body, StandardCharsets.UTF_8));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> writeStats(stats)));
		server.start();
	}

	private static void answer(HttpExchange exchange, String body) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/v3/oauth/token/generate")) {
			send(exchange, 200, "{\"data\":{\"accessToken\":\"bench-token\",\"ttlSeconds\":3600},\"errors\":null}");
		}
		else if (exchange.getRequestMethod().equals("GET")) {
			String query = exchange.getRequestURI().getRawQuery();
			String code = (query != null && query.startsWith("seriesCode="))
					? URLDecoder.decode(query.substring(11), StandardCharsets.UTF_8) : "";
			Long id = series.get(code);
			send(exchange, 200, "{\"entity\":[" + ((id != null) ? "{\"id\":" + id + ",\"seriesCode\":\"" + code + "\"}" : "")
					+ "],\"warnings\":[]}");
		}
		else {
			Matcher code = SERIES_CODE.matcher(body);
			String seriesCode = code.find() ? code.group(1) : "";
			long id = ids.incrementAndGet();
			if (series.putIfAbsent(seriesCode, id) != null) {
				send(exchange, 400, "{\"errors\":[{\"code\":751,\"message\":\"series code exists\"}]}");
			}
			else {
				send(exchange, 200, "{\"id\":" + id + ",\"seriesCode\":\"" + seriesCode + "\",\"warnings\":[]}");
			}
		}
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("X-Cap-Requestid", "bench-" + System.nanoTime());
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void writeStats(Path stats) {
		List<Long> sorted;
		synchronized (arrivals) {
			sorted = new ArrayList<>(arrivals);
		}
		Collections.sort(sorted);
		int most = 0;
		for (int first = 0, last = 0; last < sorted.size(); last++) {
			while (sorted.get(last) - sorted.get(first) >= 1_000_000_000L) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		List<Integer> perSecond = new ArrayList<>();
		for (long arrival : sorted) {
			int second = (int) ((arrival - sorted.get(0)) / 1_000_000_000L);
			while (perSecond.size() <= second) {
				perSecond.add(0);
			}
			perSecond.set(second, perSecond.get(second) + 1);
		}
		try {
			Files.writeString(stats, "{\"calls\":" + sorted.size() + ",\"created\":" + series.size()
					+ ",\"mostCallsInOneSecond\":" + most + ",\"callsPerSecond\":" + perSecond + "}");
		}
		catch (IOException ex) {
			System.err.println("cannot write " + stats + ": " + ex.getMessage());
		}
	}

}
