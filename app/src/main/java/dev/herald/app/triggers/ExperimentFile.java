package dev.herald.app.triggers;

import dev.herald.app.triggers.NodeReader.Fields;
import dev.herald.app.triggers.TriggerFileException.Problem;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads experiments from a file of their own (a top-level {@code experiments:} list, as in a trigger file) and adds
 * them to the definitions of a trigger file; problems name the file, the line and the field, as for triggers.
 */
public final class ExperimentFile {

    /** An example of experiments on the shipped triggers, with the schema in its comments. */
    public static final String EXAMPLE_RESOURCE = "herald/experiments.example.yaml";

    private ExperimentFile() {}

    /**
     * The text of the example experiments shipped with Herald, comments included.
     *
     * @throws IllegalStateException when the resource is missing from the build (a packaging error)
     */
    public static String exampleText() {
        return TriggerFile.resourceText(EXAMPLE_RESOURCE);
    }

    /**
     * The definitions with the file's experiments added.
     *
     * @throws TriggerFileException when the file cannot be read or holds any problem
     */
    public static Definitions addTo(Definitions definitions, Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw failure(List.of(new Problem(source, 0, "", "the file is not UTF-8 text")));
        } catch (IOException | UncheckedIOException e) {
            throw failure(List.of(new Problem(source, 0, "", "cannot read the file: " + TriggerFile.describe(e))));
        }
        return addTo(definitions, source, text);
    }

    /**
     * The definitions with the experiments in the YAML text added.
     *
     * @param sourceName the name used in problems, usually the file name
     * @throws TriggerFileException listing every problem found, when there is any
     */
    public static Definitions addTo(Definitions definitions, String sourceName, String yamlText) {
        NodeReader reader = new NodeReader(sourceName);
        List<Experiment> experiments = new ArrayList<>(definitions.experiments().all());
        Optional<Fields> root = compose(reader, sourceName, yamlText)
                .flatMap(node -> reader.mapping(node, "", List.of("experiments")));
        root.flatMap(fields -> fields.require(reader, "experiments", "write a list of experiments"))
                .map(node -> new ExperimentReader(reader, definitions.triggers()).readList(node, "experiments"))
                .ifPresent(read -> read.forEach(r -> experiments.add(r.experiment())));
        if (reader.problemCount() > 0) {
            throw failure(reader.problems());
        }
        try {
            return new Definitions(definitions.triggers(), ExperimentSet.of(experiments, definitions.triggers()));
        } catch (IllegalArgumentException e) {
            throw failure(List.of(new Problem(sourceName, 0, "experiments", e.getMessage())));
        }
    }

    private static Optional<Node> compose(NodeReader reader, String source, String yamlText) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(true).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(yamlText);
            if (root.isEmpty() || NodeReader.isNull(root.get())) {
                reader.problem(1, "", "the file is empty; it needs a list of experiments under \"experiments:\"");
                return Optional.empty();
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
            reader.problem(line, "", "not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            reader.problem(0, "", "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static TriggerFileException failure(List<Problem> problems) {
        return new TriggerFileException("experiments", problems);
    }
}
