package dev.herald.app.triggers;

import dev.herald.app.triggers.TriggerFileException.Problem;
import dev.herald.core.trigger.TriggerSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads trigger definitions, and the experiments on them, from YAML. The schema is documented in the header of the
 * shipped file, {@code herald/triggers.yaml}, and that of experiments (a top-level {@code experiments:} list, here or
 * in a file of their own, see {@link ExperimentFile}) in {@code herald/experiments.example.yaml}; keys are
 * snake_case. Every problem in a file is reported at once, each with the
 * file, the line and the field path, for example:
 *
 * <pre>
 * triggers.yaml:23: triggers[1].wait: "soon" is not a duration; write a number and a unit: 90s, 30m, 1h, ...
 * </pre>
 */
public final class TriggerFile {

    /** The classpath resource holding Herald's shipped triggers. */
    public static final String DEFAULT_RESOURCE = "herald/triggers.yaml";

    private TriggerFile() {}

    /**
     * Loads a trigger file; problems name the file as given.
     *
     * @throws TriggerFileException when the file cannot be read or holds any problem
     */
    public static TriggerSet load(Path file) {
        return loadDefinitions(file).triggers();
    }

    /**
     * Loads a trigger file with the experiments it defines; problems name the file as given.
     *
     * @throws TriggerFileException when the file cannot be read or holds any problem
     */
    public static Definitions loadDefinitions(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TriggerFileException(List.of(new Problem(source, 0, "", "the file is not UTF-8 text")));
        } catch (IOException | UncheckedIOException e) {
            throw new TriggerFileException(
                    List.of(new Problem(source, 0, "", "cannot read the file: " + describe(e))));
        }
        return parseDefinitions(source, text);
    }

    /**
     * Loads the triggers shipped with Herald.
     *
     * @throws IllegalStateException when the resource is missing from the build (a packaging error)
     */
    public static TriggerSet loadDefault() {
        return defaultDefinitions().triggers();
    }

    /**
     * The triggers shipped with Herald, and their experiments (none).
     *
     * @throws IllegalStateException when the resource is missing from the build (a packaging error)
     */
    public static Definitions defaultDefinitions() {
        return parseDefinitions(DEFAULT_RESOURCE, defaultText());
    }

    /**
     * The text of the triggers shipped with Herald, comments included: what a user copies to start their own file.
     *
     * @throws IllegalStateException when the resource is missing from the build (a packaging error)
     */
    public static String defaultText() {
        return resourceText(DEFAULT_RESOURCE);
    }

    /**
     * The text of a resource shipped with Herald.
     *
     * @throws IllegalStateException when the resource is missing from the build (a packaging error)
     */
    static String resourceText(String resource) {
        try (InputStream in = TriggerFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + resource, e);
        }
    }

    /**
     * Reads trigger definitions from YAML text.
     *
     * @param sourceName the name used in problems, usually the file name
     * @throws TriggerFileException listing every problem found, when there is any
     */
    public static TriggerSet parse(String sourceName, String yamlText) {
        return parseDefinitions(sourceName, yamlText).triggers();
    }

    /**
     * Reads trigger definitions and the experiments on them from YAML text.
     *
     * @param sourceName the name used in problems, usually the file name
     * @throws TriggerFileException listing every problem found, when there is any
     */
    public static Definitions parseDefinitions(String sourceName, String yamlText) {
        return new TriggerFileReader(sourceName).read(yamlText);
    }

    /**
     * The definitions Herald runs with: the trigger file's (the shipped one when none is given) and the experiments
     * in it, with the experiments of an experiments file added when one is given.
     *
     * @throws TriggerFileException when a file cannot be read or holds any problem
     */
    public static Definitions definitions(Optional<Path> triggerFile, Optional<Path> experimentsFile) {
        Definitions definitions = triggerFile.map(TriggerFile::loadDefinitions)
                .orElseGet(TriggerFile::defaultDefinitions);
        return experimentsFile.map(file -> ExperimentFile.addTo(definitions, file)).orElse(definitions);
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " "
                + e.getMessage();
    }
}
