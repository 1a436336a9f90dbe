package dev.assay.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.assay.metrics.DeterministicMetrics;
import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of the evaluation engine: the deterministic metrics called in a plain loop, with
 * no database and no HTTP, on as many platform threads as the server's metric workers. Each
 * thread scores the metrics named on the command line round robin on the same texts that
 * {@code bench/evaluation-engine.sh} queues. The program prints two figures for the second half of
 * the run (the first half warms the JIT up): the scores per second summed over all threads, and the
 * scores per CPU second of the whole process (JIT and GC included), which a machine shared with
 * other work distorts far less than the first.
 *
 * <pre>java -cp benchmarks.jar dev.assay.benchmarks.BareMetricsThroughput THREADS SECONDS ACTUAL EXPECTED METRIC...</pre>
 */
public final class BareMetricsThroughput {
    private BareMetricsThroughput() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 5) {
            System.err.println("usage: BareMetricsThroughput THREADS SECONDS ACTUAL_OUTPUT EXPECTED_OUTPUT METRIC...");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        MetricInput input = new MetricInput(null, args[2], args[3], null, null, null);
        List<Metric> metrics = List.of(args).subList(4, args.length).stream()
                .map(name -> DeterministicMetrics.find(name).orElseThrow(() -> new IllegalArgumentException("unknown metric " + name)))
                .toList();
        long warmUpEnds = System.nanoTime() + (long) (seconds * 0.5e9);
        long ends = warmUpEnds + (long) (seconds * 0.5e9);
        AtomicLong counted = new AtomicLong();
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpuAtWarmUpEnd = new long[1];
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Math.max(0, (warmUpEnds - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            cpuAtWarmUpEnd[0] = system.getProcessCpuTime();
        });
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().name("bare-metrics-" + t).start(() -> {
                long mine = 0;
                int next = 0;
                long now;
                while ((now = System.nanoTime()) < ends) {
                    MetricResult result = metrics.get(next).score(input);
                    if (!(result instanceof MetricResult.Scored)) {
                        throw new IllegalStateException(metrics.get(next).name() + " did not score: " + result);
                    }
                    next = (next + 1) % metrics.size();
                    if (now >= warmUpEnds) {
                        mine++;
                    }
                }
                counted.addAndGet(mine);
                done.countDown();
            });
        }
        done.await();
        double cpuSeconds = (system.getProcessCpuTime() - cpuAtWarmUpEnd[0]) / 1e9;
        System.out.printf(Locale.ROOT, "%.1f %.1f%n", counted.get() / (seconds * 0.5), counted.get() / cpuSeconds);
    }
}
