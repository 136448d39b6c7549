package dev.herald.bench;

import dev.herald.app.importer.EventImporter;
import dev.herald.app.importer.ImportFormat;
import dev.herald.app.importer.ImportRecord;
import dev.herald.app.importer.InputFiles;
import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.Event;
import dev.herald.core.policy.Policies;
import dev.herald.core.policy.Policy;
import dev.herald.core.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The logs the benchmarks replay. The Taobao files are not in the repository (their licence is unclear): they are
 * read from the directory named by the system property {@value #DATASETS_PROPERTY} (default
 * {@value #DATASETS_DEFAULT}, relative to the working directory, which is right when running from the repository
 * root next to {@code /work/shared}). The REES46 sample is in the repository, under the directory named by
 * {@value #SAMPLES_PROPERTY} (default {@value #SAMPLES_DEFAULT}).
 */
enum Dataset {
    /** Taobao UserBehavior, every user in a 2.17 h window: 110,300 events, 66,454 users, sorted by time. */
    TIMEWINDOW(ImportFormat.TAOBAO, "Asia/Shanghai", false, "taobao_userbehavior/userbehavior_timewindow.csv.gz"),
    /** Taobao UserBehavior, the whole history of 815 users: 84,475 events, grouped by user. */
    USERSLICE(ImportFormat.TAOBAO, "Asia/Shanghai", false, "taobao_userbehavior/userbehavior_userslice.csv.gz"),
    /** REES46, head of 2019-Oct: 17,434 events, 4,504 users, sorted by time. */
    REES46(ImportFormat.REES46, "UTC", true, "rees46/2019-Oct-head.csv.gz");

    static final String DATASETS_PROPERTY = "herald.datasets";
    static final String DATASETS_DEFAULT = "../shared/datasets";
    static final String SAMPLES_PROPERTY = "herald.samples";
    static final String SAMPLES_DEFAULT = "samples";

    private final ImportFormat format;
    private final ZoneId zone;
    private final String property;
    private final String defaultDirectory;
    private final String relativePath;

    Dataset(ImportFormat format, String zone, boolean inRepository, String relativePath) {
        this.format = format;
        this.zone = ZoneId.of(zone);
        this.property = inRepository ? SAMPLES_PROPERTY : DATASETS_PROPERTY;
        this.defaultDirectory = inRepository ? SAMPLES_DEFAULT : DATASETS_DEFAULT;
        this.relativePath = relativePath;
    }

    /** The dataset of a benchmark parameter such as {@code timewindow}. */
    static Dataset of(String name) {
        for (Dataset dataset : values()) {
            if (dataset.name().equalsIgnoreCase(name.trim())) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("unknown dataset \"" + name + "\"; use one of "
                + Arrays.stream(values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
    }

    ImportFormat format() {
        return format;
    }

    /** The time zone the replay instructions use for the dataset (Taobao: China time). */
    ZoneId zone() {
        return zone;
    }

    /** The file, checked to be readable. */
    Path file() {
        Path file = Path.of(System.getProperty(property, defaultDirectory)).resolve(relativePath);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + "; run from the repository root"
                    + " or give the directory: java -D" + property + "=DIR -jar ... (JMH passes it to its forks)");
        }
        return file;
    }

    /** The engine configuration of {@code herald replay} for this dataset: default triggers, everyone reachable. */
    EngineConfig config(String policyName, Duration lateness) {
        Policy policy = Policies.find(policyName)
                .orElseThrow(() -> new IllegalArgumentException("unknown policy " + policyName));
        return EngineConfig.defaults(TriggerFile.loadDefault(), policy)
                .withNewUserProfile(Profile.ASSUMED_REACHABLE)
                .withDefaultZone(zone)
                .withLateness(lateness);
    }

    /** Streams the file through a fresh importer; rejected records are counted, not handed on. */
    long read(Consumer<Event> sink) {
        EventImporter importer = format.importer();
        long[] rejected = new long[1];
        Path file = file();
        try (InputStream in = InputFiles.open(file)) {
            importer.read(file.getFileName().toString(), in, record -> {
                switch (record) {
                    case ImportRecord.Parsed parsed -> sink.accept(parsed.event());
                    case ImportRecord.Rejected ignored -> rejected[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rejected[0];
    }

    /** Every event of the file, in file order. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        read(events::add);
        return events;
    }
}
