import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bare JDK HttpClient calls at concurrency N against bench/FakeApi.java, counted after 3 s of warm-up: the
 * ceiling that the client and the fake allow, without the importer.
 *
 * usage: java bench/HttpCeiling.java BASE_URL CONCURRENCY SECONDS
 * (bench/api.sh warms the fake with BASE_URL http://127.0.0.1:PORT/warm-up, calls the fake does not count)
 */
public class HttpCeiling {
	public static void main(String[] args) throws Exception {
		String base = args[0];
		int concurrency = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		AtomicLong calls = new AtomicLong();
		AtomicLong seq = new AtomicLong();
		long warmEnd = System.nanoTime() + 3_000_000_000L;
		long end = warmEnd + seconds * 1_000_000_000L;
		CountDownLatch done = new CountDownLatch(concurrency);
		for (int t = 0; t < concurrency; t++) {
			new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						String body = "{\"CouponSeriesV2\":{\"seriesCode\":\"C" + seq.incrementAndGet() + "\"}}";
						HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v2/coupon/series"))
							.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body)).build();
						http.send(request, HttpResponse.BodyHandlers.ofByteArray());
						if (System.nanoTime() > warmEnd) {
							calls.incrementAndGet();
						}
					}
				}
				catch (Exception ex) {
					ex.printStackTrace();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		done.await();
		System.out.printf("concurrency %d: %.1f calls/s over %d s after warm-up%n", concurrency, calls.get() / (double) seconds, seconds);
	}
}
