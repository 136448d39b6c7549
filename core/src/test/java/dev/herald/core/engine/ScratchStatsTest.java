package dev.herald.core.engine;

import dev.herald.core.decision.FatigueRules;
import dev.herald.core.profile.Profile;
import dev.herald.core.trigger.Exit;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class ScratchStatsTest {

    static void mutant(String name, LongFunction<EngineConfig> engine, LongFunction<EngineConfig> checked,
            BiConsumer<EnginePropertiesTest.Case, EnginePropertiesTest.Violations> check) {
        int failing = 0;
        String first = null;
        for (long seed = 1; seed <= 200; seed++) {
            EnginePropertiesTest.Case run = EnginePropertiesTest.replay(seed, engine.apply(seed));
            EnginePropertiesTest.Case c = new EnginePropertiesTest.Case(seed, checked.apply(seed), run.log(), run.effects());
            EnginePropertiesTest.Violations v = new EnginePropertiesTest.Violations();
            check.accept(c, v);
            if (!v.lines().isEmpty()) {
                failing++;
                if (first == null) first = v.lines().get(0);
            }
        }
        System.out.println("MUTANT " + name + ": " + failing + " of 200 seeds caught; first: " + first);
    }

    @Test
    void mutants() {
        FatigueRules loose = new FatigueRules(Duration.ofDays(7), 10, Duration.ZERO, Map.of(), 0);
        mutant("caps", s -> EnginePropertiesTest.config(s).withFatigue(loose),
                s -> EnginePropertiesTest.config(s).withFatigue(EnginePropertiesTest.NO_IGNORE),
                (c, v) -> EnginePropertiesTest.checkCaps(c, v));
        mutant("quiet", s -> {
            EngineConfig x = EnginePropertiesTest.config(s);
            return new EngineConfig(x.triggers(), x.policy(), x.fatigue(), Map.of(), x.defaultZone(), x.defaultLocale(),
                    x.newUserProfile(), x.maxInterests(), x.historyKeep(), x.seed(), x.lateness());
        }, EnginePropertiesTest::config, EnginePropertiesTest::checkSends);
        mutant("exits", s -> {
            EngineConfig x = EnginePropertiesTest.config(s);
            List<TriggerDefinition> defs = x.triggers().all().stream().map(t -> new TriggerDefinition(t.id(), t.name(),
                    t.kind(), t.priority(), t.scope(), t.entry(), t.waitTime(), t.restartOnEntry(), t.urgency(),
                    Exit.NONE, t.reentry(), t.channels(), t.quietHours(), t.variants(), t.brief())).toList();
            return new EngineConfig(TriggerSet.of(defs), x.policy(), x.fatigue(), x.quietHours(), x.defaultZone(),
                    x.defaultLocale(), x.newUserProfile(), x.maxInterests(), x.historyKeep(), x.seed(), x.lateness());
        }, EnginePropertiesTest::config, EnginePropertiesTest::checkSends);
        mutant("cart-exit-only", s -> {
            EngineConfig x = EnginePropertiesTest.config(s);
            List<TriggerDefinition> defs = x.triggers().all().stream().map(t -> new TriggerDefinition(t.id(), t.name(),
                    t.kind(), t.priority(), t.scope(), t.entry(), t.waitTime(), t.restartOnEntry(), t.urgency(),
                    t.id().equals("abandoned_cart") ? new Exit(t.exit().events(), false, false, false) : t.exit(),
                    t.reentry(), t.channels(), t.quietHours(), t.variants(), t.brief())).toList();
            return new EngineConfig(TriggerSet.of(defs), x.policy(), x.fatigue(), x.quietHours(), x.defaultZone(),
                    x.defaultLocale(), x.newUserProfile(), x.maxInterests(), x.historyKeep(), x.seed(), x.lateness());
        }, EnginePropertiesTest::config, EnginePropertiesTest::checkSends);
        mutant("consent", s -> EnginePropertiesTest.config(s).withNewUserProfile(Profile.ASSUMED_REACHABLE),
                s -> EnginePropertiesTest.config(s).withNewUserProfile(Profile.EMPTY), EnginePropertiesTest::checkSends);
    }
}
