package dev.herald.app.replay;

import dev.herald.app.importer.EventImporter;
import dev.herald.app.importer.ImportFormat;
import dev.herald.app.importer.ImportRecord;
import dev.herald.app.importer.InputFiles;
import dev.herald.core.engine.Effect;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Runs a log through the engine in event time: reads it with the format's importer, feeds every event to an
 * {@link Engine}, and hands every effect to a summary and, optionally, to a decision log.
 */
final class Replay {

    /** When the replay stops. */
    sealed interface Until {
        /** At the last event: what is still pending stays pending. */
        record End() implements Until {}

        /** Engine time moves on until nothing is pending: every wait fires, every scheduled message is resolved. */
        record Drain() implements Until {}

        /** Engine time moves to this instant. */
        record At(Instant time) implements Until {}
    }

    /**
     * What a replay found, and the engine it leaves, for inspection.
     *
     * @param readError why reading stopped before the end of the file, if it did; everything read before it was
     *     replayed
     */
    record Result(ReplaySummary summary, Engine engine, Optional<String> readError) {}

    private final EngineConfig config;

    Replay(EngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Replays a file.
     *
     * @param log where decisions go as JSON lines; empty to keep none
     * @param progress where a progress bar is drawn, when drawing one
     */
    Result run(ImportFormat format, Path file, Until until, Optional<DecisionLog> log, Optional<PrintStream> progress)
            throws IOException {
        ReplaySummary summary = new ReplaySummary();
        Consumer<Effect> effects = log.<Consumer<Effect>>map(l -> effect -> {
            summary.effect(effect);
            l.effect(effect);
        }).orElse(summary::effect);
        Engine engine = new Engine(config, effects);
        EventImporter importer = format.importer();
        Progress bar = new Progress(Files.newInputStream(file), Files.size(file), progress.orElse(System.err),
                progress.isPresent());
        Optional<String> readError = Optional.empty();
        try (InputStream in = InputFiles.open(bar)) {
            importer.read(file.getFileName().toString(), in, record -> {
                switch (record) {
                    case ImportRecord.Parsed parsed -> {
                        summary.event(parsed.event());
                        engine.accept(parsed.event());
                    }
                    case ImportRecord.Rejected rejected -> summary.rejected(rejected);
                }
            });
        } catch (IOException e) {
            readError = Optional.of("reading " + file + " stopped after " + summary.events() + " events and "
                    + summary.rejectedCount() + " rejected lines: " + describe(e)
                    + "; everything read before that point was replayed (summary above)");
        }
        bar.finish();
        engine.flush();
        switch (until) {
            case Until.End end -> {
                // Stop at the last event.
            }
            case Until.Drain drain -> {
                Optional<Instant> next = engine.nextDue();
                while (next.isPresent()) {
                    engine.advanceTo(next.get());
                    next = engine.nextDue();
                }
            }
            case Until.At at -> engine.advanceTo(at.time());
        }
        return new Result(summary, engine, readError);
    }

    private static String describe(IOException e) {
        return switch (e) {
            case EOFException eof -> "the file ends in the middle (" + eof.getMessage() + "); is it cut short?";
            case ZipException zip -> "the gzip data is damaged (" + zip.getMessage() + ")";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
