package dev.assay.benchmarks;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.text.Bleu;
import dev.assay.metrics.text.Meteor;
import dev.assay.metrics.text.Rouge;
import dev.assay.metrics.text.TextMatch;
import dev.assay.metrics.text.TextSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to score one realistic turn with each text metric: a 200-word support answer against a
 * 200-word reference that differs by synonyms, inflections, dropped words and one swap, so every
 * METEOR stage (exact, stem, WordNet synonym) does real work.
 *
 * <p>WordNet is loaded in {@link #setUp()}, so the METEOR figure is the steady state, not the
 * one-off load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TextMetricsBenchmark {

    /** The reference answer: about 200 words of plain English. */
    static final String REFERENCE = """
            To return a product bought from our online store, start by signing in to your account and \
            opening the orders page. Select the order that contains the item you want to send back, choose \
            the reason for the return, and print the prepaid shipping label that we email to you. Pack the \
            item in its original box if you still have it, together with all accessories, manuals and any \
            free gifts that came with the purchase. Drop the parcel at any post office or partner pickup \
            point within thirty days of delivery. Once the package reaches our warehouse, our team inspects \
            it, usually within two business days. If everything is in order, we issue a refund to the \
            original payment method; banks normally take three to five working days to show the money in \
            your account. Items that are damaged, used or missing parts may receive a partial refund. Large \
            appliances and furniture follow a different process: contact customer support to schedule a \
            free collection at a time that suits you. Gift cards, downloadable software and personalised \
            products cannot be returned. If you have any questions about a return, our support agents are \
            available by chat or phone every day from eight in the morning until ten at night.""";

    /** Word replacements that turn the reference into the model's answer. */
    private static final Map<String, String> REWORDING = Map.ofEntries(
            Map.entry("product", "item"),
            Map.entry("bought", "purchased"),
            Map.entry("store", "shop"),
            Map.entry("start", "begin"),
            Map.entry("opening", "open"),
            Map.entry("choose", "pick"),
            Map.entry("box", "packaging"),
            Map.entry("parcel", "package"),
            Map.entry("thirty", "30"),
            Map.entry("inspects", "checks"),
            Map.entry("usually", "typically"),
            Map.entry("normally", "usually"),
            Map.entry("damaged,", "broken,"),
            Map.entry("Large", "Big"),
            Map.entry("contact", "call"),
            Map.entry("schedule", "arrange"),
            Map.entry("questions", "question"),
            Map.entry("phone", "telephone"),
            Map.entry("agents", "agent"));

    private final Metric bleu = new Bleu();
    private final Metric rouge = new Rouge();
    private final Metric meteor = new Meteor();
    private final Metric textSimilarity = new TextSimilarity();
    private final Metric textMatch = new TextMatch();

    /** The turn every benchmark scores; assigned in {@link #setUp()} before any measurement. */
    private MetricInput turn;

    /** Builds the answer from the reference deterministically and loads WordNet. */
    @Setup
    public void setUp() {
        String[] words = REFERENCE.split(" ");
        List<String> answer = new ArrayList<>(words.length);
        for (int index = 0; index < words.length; index++) {
            if (index % 23 == 22) {
                continue; // the model skips a word now and then
            }
            answer.add(REWORDING.getOrDefault(words[index], words[index]));
        }
        answer.set(10, words[11]);
        answer.set(11, words[10]);
        turn = MetricInput.ofOutputs(String.join(" ", answer), REFERENCE);
        MetricResult warmUp = meteor.score(turn);
        if (!(warmUp instanceof MetricResult.Scored)) {
            throw new IllegalStateException("METEOR cannot score the benchmark turn: " + warmUp.reason());
        }
    }

    @Benchmark
    public MetricResult bleu() {
        return bleu.score(turn);
    }

    @Benchmark
    public MetricResult rouge() {
        return rouge.score(turn);
    }

    @Benchmark
    public MetricResult meteor() {
        return meteor.score(turn);
    }

    @Benchmark
    public MetricResult textSimilarity() {
        return textSimilarity.score(turn);
    }

    @Benchmark
    public MetricResult textMatch() {
        return textMatch.score(turn);
    }
}
