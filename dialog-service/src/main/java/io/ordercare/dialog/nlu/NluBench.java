package io.ordercare.dialog.nlu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Latency benchmark of the NLU, without Quarkus: loads the engine, warms it up, then parses every utterance of the
 * test split {@code rounds} times, single-threaded, and prints p50/p90/p99/max per utterance per language and
 * overall, and utterances per second.
 *
 * <pre>
 * taskset -c 0 java -cp 'dialog-service/target/quarkus-app/app/*:dialog-service/target/quarkus-app/lib/main/*' \
 *     io.ordercare.dialog.nlu.NluBench [rounds=20] [warm-up rounds=5]
 * </pre>
 */
public final class NluBench {

    private NluBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("cores available: %d%n", Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        NluEngine engine = NluEngine.load();
        System.out.printf("load: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        List<Example> test = Example.load(Example.TEST);
        LocalDate today = LocalDate.now(NluEngine.ZONE);
        long w0 = System.nanoTime();
        for (int r = 0; r < warmUp; r++) {
            for (Example e : test) {
                engine.parse(e.text(), today);
            }
        }
        System.out.printf("warm-up: %d rounds x %d utterances in %d ms%n", warmUp, test.size(),
                (System.nanoTime() - w0) / 1_000_000);

        Map<Lang, List<Long>> byLang = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            byLang.put(l, new ArrayList<>());
        }
        List<Long> all = new ArrayList<>();
        long sink = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Example e : test) {
                long s = System.nanoTime();
                NluResult result = engine.parse(e.text(), today);
                long ns = System.nanoTime() - s;
                sink += result.entities().size();
                byLang.get(e.lang()).add(ns);
                all.add(ns);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d rounds x %d utterances (%d parses) in %.1f s%n", rounds, test.size(), all.size(), seconds);
        System.out.printf("%-8s %8s %8s %8s %8s %8s%n", "", "n", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (Lang l : Lang.values()) {
            print(l.code(), byLang.get(l));
        }
        print("all", all);
        System.out.printf("throughput: %.0f utterances/s (one thread)%n", all.size() / seconds);
        if (sink < 0) {
            System.out.println(sink);
        }
    }

    private static void print(String label, List<Long> nanos) {
        long[] v = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        System.out.printf("%-8s %8d %8.2f %8.2f %8.2f %8.2f%n", label, v.length, pct(v, 50), pct(v, 90), pct(v, 99),
                v[v.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
