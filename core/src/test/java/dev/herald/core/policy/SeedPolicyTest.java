package dev.herald.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Subject;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.UserState;
import dev.herald.core.testing.TestTriggers;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's rules, and each of the seed's flaws fixed. */
class SeedPolicyTest {

    static final Instant FIRED = Instant.parse("2024-03-04T10:00:00Z");
    static final Map<Channel, QuietHours> QUIET = Map.of(Channel.SMS, QuietHours.DEFAULT, Channel.PUSH,
            QuietHours.DEFAULT);

    final SeedPolicy policy = new SeedPolicy();

    static PolicyRequest request(TriggerDefinition trigger, Profile profile, List<Channel> channels, Instant anchor,
            Instant fired, ZoneId zone) {
        Occurrence occurrence = new Occurrence(trigger.id(), "k", anchor, fired, Subject.NONE);
        return new PolicyRequest("m_1", trigger, occurrence, UserState.fresh("u1", profile), channels, fired,
                fired.plus(trigger.urgency()), zone, QUIET, 7L);
    }

    static PolicyRequest request(TriggerDefinition trigger, Profile profile, List<Channel> channels) {
        return request(trigger, profile, channels, FIRED.minus(trigger.waitTime()), FIRED, ZoneId.of("UTC"));
    }

    static PolicyChoice.Chosen chosen(PolicyChoice choice) {
        assertThat(choice).isInstanceOf(PolicyChoice.Chosen.class);
        return (PolicyChoice.Chosen) choice;
    }

    static Profile preferring(String channel) {
        return Profile.ASSUMED_REACHABLE.withTraits(Map.of("preferredChannel", channel));
    }

    @Test
    void shouldPickTheMostEffectiveChannelForTheTrigger() {
        List<Channel> all = List.of(Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.IN_APP);

        assertThat(chosen(policy.choose(request(TestTriggers.abandonedCart(), Profile.ASSUMED_REACHABLE, all)))
                .action().channel()).isEqualTo(Channel.EMAIL);
        assertThat(chosen(policy.choose(request(TestTriggers.priceDrop(), Profile.ASSUMED_REACHABLE, all)))
                .action().channel()).isEqualTo(Channel.PUSH);
        assertThat(chosen(policy.choose(request(TestTriggers.orderShipped(), Profile.ASSUMED_REACHABLE, all)))
                .action().channel()).isEqualTo(Channel.SMS);
        assertThat(chosen(policy.choose(request(TestTriggers.inactivity(), Profile.ASSUMED_REACHABLE, all)))
                .action().channel()).isEqualTo(Channel.PUSH);
    }

    @Test
    void shouldPreferTheUsersChannelWhenEligible() {
        PolicyChoice.Chosen choice = chosen(policy.choose(request(TestTriggers.abandonedCart(), preferring("sms"),
                List.of(Channel.EMAIL, Channel.SMS))));

        assertThat(choice.action().channel()).isEqualTo(Channel.SMS);
        assertThat(choice.explanation()).contains("preferred channel");
        assertThat(choice.propensity()).isEqualTo(1.0);
    }

    @Test
    void shouldFallBackWhenThePreferredChannelIsUnknownInsteadOfFailing() {
        PolicyChoice.Chosen choice = chosen(policy.choose(request(TestTriggers.abandonedCart(), preferring("fax"),
                List.of(Channel.EMAIL, Channel.SMS))));

        assertThat(choice.action().channel()).isEqualTo(Channel.EMAIL);
        assertThat(choice.explanation()).contains("preferred channel \"fax\" is unknown");
    }

    @Test
    void shouldFallBackWhenThePreferredChannelIsNotEligible() {
        PolicyChoice.Chosen choice = chosen(policy.choose(request(TestTriggers.abandonedCart(), preferring("push"),
                List.of(Channel.EMAIL, Channel.SMS))));

        assertThat(choice.action().channel()).isEqualTo(Channel.EMAIL);
        assertThat(choice.explanation()).contains("preferred channel push is not eligible");
    }

    @Test
    void shouldChooseInAppWhenItIsTheOnlyEligibleChannel() {
        PolicyChoice.Chosen choice = chosen(policy.choose(request(TestTriggers.abandonedCart(),
                Profile.ASSUMED_REACHABLE, List.of(Channel.IN_APP))));

        assertThat(choice.action().channel()).isEqualTo(Channel.IN_APP);
    }

    @Test
    void shouldSendWithTheSeedsDelayAfterTheEntryEvent() {
        List<Channel> email = List.of(Channel.EMAIL);

        assertThat(chosen(policy.choose(request(TestTriggers.abandonedCart(), Profile.ASSUMED_REACHABLE, email)))
                .action().sendAt()).isEqualTo(FIRED.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(90)));
        assertThat(chosen(policy.choose(request(TestTriggers.priceDrop(), Profile.ASSUMED_REACHABLE, email)))
                .action().sendAt()).isEqualTo(FIRED.plus(Duration.ofMinutes(6)));
        assertThat(chosen(policy.choose(request(TestTriggers.browseAbandonment(), Profile.ASSUMED_REACHABLE,
                email))).action().sendAt()).isEqualTo(FIRED);
        assertThat(chosen(policy.choose(request(TestTriggers.inactivity(), Profile.ASSUMED_REACHABLE, email)))
                .action().sendAt()).as("counted from the firing when the wait outlasts the delay")
                .isEqualTo(FIRED.plus(Duration.ofHours(24)));
    }

    @Test
    void shouldWaitADayForInactivityWhenNineIsAnActiveHourAndTwoDaysWhenNot() {
        TriggerDefinition inactivity = TestTriggers.inactivity();
        Profile early = Profile.ASSUMED_REACHABLE;
        Profile late = Profile.ASSUMED_REACHABLE.withTraits(Map.of("activeHours", List.of(18, 19, 20, 21)));

        Instant earlySend = chosen(policy.choose(request(inactivity, early, List.of(Channel.EMAIL), FIRED, FIRED,
                ZoneId.of("UTC")))).action().sendAt();
        Instant lateSend = chosen(policy.choose(request(inactivity, late, List.of(Channel.EMAIL), FIRED, FIRED,
                ZoneId.of("UTC")))).action().sendAt();

        assertThat(earlySend).isEqualTo(FIRED.plus(Duration.ofHours(24)));
        assertThat(lateSend).isEqualTo(FIRED.plus(Duration.ofHours(48)));
    }

    @Test
    void shouldMoveAnSmsOutOfQuietHoursInTheUsersTimeZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant lateEvening = Instant.parse("2024-03-04T14:00:00Z");

        PolicyChoice.Chosen choice = chosen(policy.choose(request(TestTriggers.priceDrop(), preferring("sms"),
                List.of(Channel.SMS), lateEvening, lateEvening, tokyo)));

        assertThat(choice.action().sendAt()).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(choice.action().sendAt().atZone(tokyo).getHour()).isEqualTo(9);
    }

    @Test
    void shouldTryTheNextChannelWhenQuietHoursCoverTheWholeWindow() {
        Instant night = Instant.parse("2024-03-04T21:00:00Z");

        PolicyChoice.Chosen choice = chosen(policy.choose(request(TestTriggers.abandonedCart(), preferring("push"),
                List.of(Channel.PUSH, Channel.EMAIL), night.minus(Duration.ofHours(1)), night, ZoneId.of("UTC"))));

        assertThat(choice.action().channel()).isEqualTo(Channel.EMAIL);
        assertThat(choice.explanation()).contains("push: quiet hours cover the whole window");
    }

    @Test
    void shouldDeclineWhenNoChannelHasAnAllowedTime() {
        Instant night = Instant.parse("2024-03-04T21:00:00Z");

        PolicyChoice choice = policy.choose(request(TestTriggers.abandonedCart(), Profile.ASSUMED_REACHABLE,
                List.of(Channel.PUSH, Channel.SMS), night.minus(Duration.ofHours(1)), night, ZoneId.of("UTC")));

        assertThat(choice).isInstanceOf(PolicyChoice.Declined.class);
        assertThat(((PolicyChoice.Declined) choice).reason()).isEqualTo(Reason.NO_SEND_SLOT);
    }
}
