package dev.herald.app.triggers;

import static dev.herald.app.HeraldRun.herald;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.HeraldRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriggersCommandTest {

    @Test
    void shouldPrintTheShippedFileSoThatItLoadsBackToTheSameTriggers(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("my-triggers.yaml");

        HeraldRun print = herald("triggers", "print");
        Files.writeString(copy, print.out());

        assertThat(print.exitCode()).isZero();
        assertThat(print.out()).startsWith("# Herald's shipped trigger definitions.");
        assertThat(TriggerFile.load(copy).all()).isEqualTo(TriggerFile.loadDefault().all());
    }

    @Test
    void shouldListTheTriggersOfAGoodFile(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("my-triggers.yaml");
        Files.writeString(copy, TriggerFile.defaultText());

        HeraldRun check = herald("triggers", "check", copy.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("5 triggers, highest priority first")
                .containsSubsequence("order_shipped", "abandoned_cart", "price_drop", "browse_abandonment",
                        "inactivity");
    }

    @Test
    void shouldListEveryProblemOfABadFileWithItsLineAndField(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "triggers:\n  - id: x\n    kind: marketing\n    wait: soon\n");

        HeraldRun check = herald("triggers", "check", bad.toString());

        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("bad.yaml:2: triggers[0].scope: required field is missing")
                .contains("bad.yaml:4: triggers[0].wait: \"soon\" is not a duration");
    }
}
