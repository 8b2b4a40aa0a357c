package io.ordercare.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Intent accuracy on the held-out split ({@code nlu/test.tsv}: sentences written apart from the training ones, unknown
 * examples included). Prints accuracy per language and, per intent, recall and what it was mistaken for.
 */
class NluAccuracyTest {

    private static final double REQUIRED = 0.90;

    @Test
    void heldOutAccuracyPerLanguageIsAtLeast90Percent() {
        NluEngine engine = TestEngine.get();
        List<Example> test = Example.load(Example.TEST);
        LocalDate today = LocalDate.of(2026, 11, 25);

        Map<Lang, int[]> perLang = new EnumMap<>(Lang.class);
        Map<String, Map<String, Integer>> confusion = new TreeMap<>(); // expected -> predicted -> count
        List<String> misses = new ArrayList<>();
        for (Example e : test) {
            NluResult r = engine.parse(e.text(), today);
            int[] c = perLang.computeIfAbsent(e.lang(), l -> new int[2]);
            c[1]++;
            String key = e.lang().code() + " " + e.intent();
            confusion.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.intent(), 1, Integer::sum);
            if (r.intent().equals(e.intent())) {
                c[0]++;
            } else {
                misses.add(String.format("  %s %-16s -> %-16s (%.2f) %s", e.lang().code(), e.intent(), r.intent(),
                        r.confidence(), e.text()));
            }
        }

        System.out.println("NLU held-out accuracy");
        perLang.forEach((lang, c) -> System.out.printf("  %s: %.1f %% (%d/%d)%n", lang.code(), 100.0 * c[0] / c[1], c[0], c[1]));
        System.out.println("per intent (recall, and what the misses became)");
        confusion.forEach((key, predicted) -> {
            String intent = key.substring(3);
            int total = predicted.values().stream().mapToInt(Integer::intValue).sum();
            int right = predicted.getOrDefault(intent, 0);
            StringBuilder wrong = new StringBuilder();
            predicted.forEach((p, n) -> {
                if (!p.equals(intent)) {
                    wrong.append(' ').append(p).append('×').append(n);
                }
            });
            System.out.printf("  %-20s %2d/%2d%s%n", key, right, total, wrong.length() == 0 ? "" : "  ->" + wrong);
        });
        System.out.println("misses:");
        misses.forEach(System.out::println);

        for (Lang lang : Lang.values()) {
            int[] c = perLang.get(lang);
            assertThat(c).as("test examples for %s", lang).isNotNull();
            assertThat(c[0] / (double) c[1]).as("held-out accuracy for %s", lang.code()).isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    @Test
    void heldOutSplitIsDisjointFromTrainingAndCoversEveryIntentInBothLanguages() {
        List<Example> train = Example.load(Example.TRAIN);
        List<Example> test = Example.load(Example.TEST);
        var trainTexts = train.stream().map(e -> e.lang() + " " + e.text().toLowerCase()).collect(java.util.stream.Collectors.toSet());
        assertThat(test).noneMatch(e -> trainTexts.contains(e.lang() + " " + e.text().toLowerCase()));
        for (Lang lang : Lang.values()) {
            for (String intent : Intents.ALL) {
                long nTrain = train.stream().filter(e -> e.lang() == lang && e.intent().equals(intent)).count();
                long nTest = test.stream().filter(e -> e.lang() == lang && e.intent().equals(intent)).count();
                assertThat(nTrain).as("%s %s training examples", lang, intent).isGreaterThanOrEqualTo(40);
                assertThat(nTest).as("%s %s test examples", lang, intent).isGreaterThanOrEqualTo(15);
            }
        }
    }
}
