package dev.herald.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GrowthBook's published test vectors ({@code growthbook/cases.json}, from its JavaScript SDK, MIT): the hash in
 * both versions, bucket ranges, the choice of a variation, equal weights, and whole runs of simple experiments.
 * Ranges are compared as GrowthBook's own test compares them: floored to 8 decimals.
 */
class BucketingTest {

    private static final JsonNode CASES = read();

    private static JsonNode read() {
        try (InputStream in = BucketingTest.class.getResourceAsStream("/growthbook/cases.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Arguments> section(String name) {
        List<Arguments> cases = new ArrayList<>();
        CASES.path(name).forEach(node -> cases.add(Arguments.of(node.get(0).asText(), node)));
        assertThat(cases).as("test vectors of %s", name).isNotEmpty();
        return cases.stream();
    }

    static Stream<Arguments> hash() {
        return section("hash");
    }

    static Stream<Arguments> getBucketRange() {
        return section("getBucketRange");
    }

    static Stream<Arguments> chooseVariation() {
        return section("chooseVariation");
    }

    static Stream<Arguments> getEqualWeights() {
        return section("getEqualWeights");
    }

    static Stream<Arguments> run() {
        return section("run");
    }

    @ParameterizedTest(name = "hash(\"{0}\", ...)")
    @MethodSource
    void hash(String seed, JsonNode vector) {
        OptionalDouble hashed = Bucketing.hash(seed, vector.get(1).asText(), vector.get(2).asInt());

        if (vector.get(3).isNull()) {
            assertThat(hashed).isEmpty();
        } else {
            assertThat(hashed).hasValue(vector.get(3).asDouble());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void getBucketRange(String name, JsonNode vector) {
        JsonNode arguments = vector.get(1);
        List<Double> weights = arguments.get(2).isNull() ? null : doubles(arguments.get(2));

        List<BucketRange> ranges = Bucketing.ranges(arguments.get(0).asInt(), arguments.get(1).asDouble(), weights);

        assertThat(floored(ranges)).isEqualTo(floored(ranges(vector.get(2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void chooseVariation(String name, JsonNode vector) {
        int chosen = Bucketing.chooseVariation(vector.get(1).asDouble(), ranges(vector.get(2)));

        assertThat(chosen).isEqualTo(vector.get(3).asInt());
    }

    @ParameterizedTest(name = "{0} variations")
    @MethodSource
    void getEqualWeights(String count, JsonNode vector) {
        List<Double> weights = Bucketing.equalWeights(vector.get(0).asInt());

        assertThat(weights.stream().map(BucketingTest::floor).toList())
                .isEqualTo(doubles(vector.get(1)).stream().map(BucketingTest::floor).toList());
    }

    /** GrowthBook's {@code run} for an experiment given by key, variations, weights, coverage, ranges, seed, hash. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void run(String name, JsonNode vector) {
        String id = vector.get(1).path("attributes").path("id").asText();
        JsonNode experiment = vector.get(2);
        int variations = experiment.path("variations").size();
        String seed = experiment.path("seed").asText(experiment.path("key").asText());
        double n = Bucketing.hash(seed, id, experiment.path("hashVersion").asInt(1)).orElseThrow();
        List<BucketRange> ranges = experiment.has("ranges") ? ranges(experiment.get("ranges"))
                : Bucketing.ranges(variations, experiment.path("coverage").asDouble(1),
                        experiment.has("weights") ? doubles(experiment.get("weights")) : null);

        int assigned = Bucketing.chooseVariation(n, ranges);

        boolean inExperiment = vector.get(4).asBoolean();
        assertThat(assigned >= 0).as("in the experiment").isEqualTo(inExperiment);
        int value = experiment.get("variations").get(Math.max(assigned, 0)).asInt();
        assertThat(value).isEqualTo(vector.get(3).asInt());
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        return values;
    }

    private static List<BucketRange> ranges(JsonNode array) {
        List<BucketRange> ranges = new ArrayList<>();
        array.forEach(range -> ranges.add(new BucketRange(range.get(0).asDouble(), range.get(1).asDouble())));
        return ranges;
    }

    private static List<List<Double>> floored(List<BucketRange> ranges) {
        return ranges.stream().map(r -> List.of(floor(r.start()), floor(r.end()))).toList();
    }

    private static double floor(double value) {
        return Math.floor(value * 1e8) / 1e8;
    }
}
