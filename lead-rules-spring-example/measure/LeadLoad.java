import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, bounded load generator for the example service: CONNECTIONS threads post single leads
 * to URL until COUNT requests were sent or SECONDS passed, whichever comes first, then prints
 * requests/s and latency percentiles. Loopback only: it refuses any host but 127.0.0.1/localhost.
 *
 *   java LeadLoad.java URL COUNT SECONDS CONNECTIONS
 */
public class LeadLoad {

    static final String LEAD = """
            {"id": "L-%d", "contact_name": "山田 太郎", "email": "taro.yamada@sample-kogyo.co.jp",
             "job_title": "生産技術部 部長", "source": "web-form", "inquiry_type": "demo",
             "purchase_timeframe": "WITHIN_1_MONTH", "consent": "GIVEN",
             "company_name": "サンプル工業株式会社", "company_domain": "sample-kogyo.co.jp", "industry": "製造業",
             "employee_count": 1200, "country": "JP"}
            """;

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + uri.getHost());
        }
        int count = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        int connections = Integer.parseInt(args[3]);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(LEAD.formatted(i), StandardCharsets.UTF_8))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                        done.incrementAndGet();
                    }
                } finally {
                    finished.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        finished.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        int n = (int) done.get();
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("requests=%d failed=%d seconds=%.1f connections=%d%n", n, failed.get(), seconds, connections);
        System.out.printf("requests_per_second=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", n / seconds,
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
