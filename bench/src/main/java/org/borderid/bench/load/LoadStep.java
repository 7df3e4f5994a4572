package org.borderid.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a load run: a fixed number of closed-loop clients (each sends its next request when the previous
 * answer arrives, like a kiosk) for a fixed time, over their own HTTP/1.1 connections.
 */
final class LoadStep {
    private static final Pattern OUTCOME = Pattern.compile("\"(?:decision|outcome)\":\"([A-Z_]+)\"");

    /**
     * The measured step.
     *
     * @param clients    concurrent clients
     * @param seconds    measured duration
     * @param latency    latency statistics of the successful requests
     * @param errors     requests that failed (I/O error or non-2xx status)
     * @param statuses   HTTP status counts ({@code -1}: I/O error)
     * @param outcomes   decision/outcome counts of the 200 answers
     */
    record Result(int clients, double seconds, LatencyStats latency, long errors, Map<Integer, Long> statuses,
            Map<String, Long> outcomes) {
        double throughput() {
            return latency.count() / seconds;
        }
    }

    private LoadStep() {}

    static Result run(String url, String key, Scenario scenario, List<byte[]> bodies, int clients, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Client> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Client w = new Client(url + scenario.path(), key, bodies, c, end, done);
            workers.add(w);
            Thread t = new Thread(w, "load-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        for (Client w : workers) {
            total += w.latencies.size();
        }
        long[] all = new long[(int) total];
        int i = 0;
        long errors = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<String, Long> outcomes = new TreeMap<>();
        for (Client w : workers) {
            for (long l : w.latencies) {
                all[i++] = l;
            }
            errors += w.errors;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            w.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        }
        return new Result(clients, seconds, LatencyStats.of(all), errors, statuses, outcomes);
    }

    private static final class Client implements Runnable {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final String url;
        final String key;
        final List<byte[]> bodies;
        final int offset;
        final long end;
        final CountDownLatch done;
        final List<Long> latencies = new ArrayList<>();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<String, Long> outcomes = new TreeMap<>();
        long errors;

        Client(String url, String key, List<byte[]> bodies, int offset, long end, CountDownLatch done) {
            this.url = url;
            this.key = key;
            this.bodies = bodies;
            this.offset = offset;
            this.end = end;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                for (int n = offset * 7; System.nanoTime() < end; n++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n % bodies.size()))).build();
                    long t0 = System.nanoTime();
                    int status;
                    String body = "";
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        body = r.body();
                    } catch (java.io.IOException e) {
                        status = -1;
                    }
                    long elapsed = System.nanoTime() - t0;
                    statuses.merge(status, 1L, Long::sum);
                    if (status / 100 == 2) {
                        latencies.add(elapsed);
                        Matcher m = OUTCOME.matcher(body);
                        outcomes.merge(m.find() ? m.group(1) : "?", 1L, Long::sum);
                    } else {
                        errors++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }
    }
}
