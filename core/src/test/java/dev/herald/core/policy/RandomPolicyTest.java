package dev.herald.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.decision.Subject;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.UserState;
import dev.herald.core.testing.TestTriggers;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPolicyTest {

    static final Instant NOON = Instant.parse("2024-03-04T12:00:00Z");

    static PolicyRequest request(List<Channel> channels, Instant fired, long seed) {
        TriggerDefinition trigger = TestTriggers.abandonedCart();
        return new PolicyRequest("m_1", trigger, new Occurrence(trigger.id(), "k", fired, fired, Subject.NONE),
                UserState.fresh("u1", Profile.ASSUMED_REACHABLE), channels, fired, fired.plus(trigger.urgency()),
                ZoneId.of("UTC"), Map.of(Channel.SMS, QuietHours.DEFAULT), seed);
    }

    @Test
    void shouldGiveEachActionOneOverTheNumberOfActions() {
        PolicyChoice choice = new RandomPolicy().choose(request(List.of(Channel.EMAIL, Channel.PUSH), NOON, 1));

        assertThat(choice).isInstanceOfSatisfying(PolicyChoice.Chosen.class,
                chosen -> assertThat(chosen.propensity()).isEqualTo(1.0 / 6));
    }

    @Test
    void shouldChooseTheSameActionForTheSameSeed() {
        PolicyChoice first = new RandomPolicy().choose(request(List.of(Channel.EMAIL, Channel.PUSH), NOON, 42));
        PolicyChoice second = new RandomPolicy().choose(request(List.of(Channel.EMAIL, Channel.PUSH), NOON, 42));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void shouldCoverEveryActionAcrossSeeds() {
        Set<Object> seen = new HashSet<>();
        for (long seed = 0; seed < 500; seed++) {
            PolicyChoice.Chosen chosen = (PolicyChoice.Chosen) new RandomPolicy()
                    .choose(request(List.of(Channel.EMAIL, Channel.PUSH), NOON, seed));
            seen.add(chosen.action());
        }

        assertThat(seen).hasSize(6);
    }

    @Test
    void shouldLeaveOutSlotsInQuietHours() {
        Instant evening = Instant.parse("2024-03-04T20:00:00Z");

        PolicyChoice.Chosen chosen = (PolicyChoice.Chosen) new RandomPolicy()
                .choose(request(List.of(Channel.SMS), evening, 3));

        assertThat(chosen.propensity()).isEqualTo(1.0);
        assertThat(chosen.action().sendAt()).isEqualTo(evening);
    }
}
