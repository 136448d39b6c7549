package dev.herald.core.engine;

import static dev.herald.core.testing.Events.activity;
import static dev.herald.core.testing.Events.add;
import static dev.herald.core.testing.Events.engagement;
import static dev.herald.core.testing.Events.identify;
import static dev.herald.core.testing.Events.order;
import static dev.herald.core.testing.Events.priceChange;
import static dev.herald.core.testing.Events.shipped;
import static dev.herald.core.testing.Events.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.decision.Decision;
import dev.herald.core.decision.FatigueRules;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.event.EngagementType;
import dev.herald.core.event.Event;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Eligibility, fatigue, priority and send-time checks of the decision pipeline. */
class PipelineRulesTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    static EngineConfig reachable() {
        return EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())
                .withNewUserProfile(Profile.ASSUMED_REACHABLE);
    }

    /** The default caps without the "ignores us" rule, which would otherwise stop unopened messages first. */
    static EngineConfig capsOnly() {
        FatigueRules defaults = FatigueRules.DEFAULTS;
        return reachable().withFatigue(new FatigueRules(defaults.window(), defaults.weeklyCap(),
                defaults.minSpacing(), defaults.channelCaps(), 0));
    }

    /** A cart abandoned on each of {@code days} days, each ordered after its message, one day apart. */
    static Event[] dailyCarts(String user, int days) {
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Instant start = T0.plus(Duration.ofDays(day));
            events.add(add(user, "p" + day, start));
            events.add(order(user, start.plus(Duration.ofHours(5)), "p" + day));
        }
        return events.toArray(Event[]::new);
    }

    @Nested
    class Fatigue {

        @Test
        void shouldSuppressTheFifthMarketingMessageInSevenDays() {
            Recorder run = new Recorder(capsOnly()).run(T0.plus(Duration.ofDays(6)), dailyCarts("u1", 5));

            assertThat(run.decisions("abandoned_cart")).extracting(d -> d.findReason().orElse(null))
                    .containsExactly(null, null, null, null, Reason.WEEKLY_CAP);
            Decision capped = run.decisions("abandoned_cart").get(4);
            assertThat(capped.trace()).last().satisfies(step -> {
                assertThat(step.stage()).isEqualTo(Stage.FATIGUE);
                assertThat(step.detail()).contains("4 sent in the last 7d (cap 4)");
            });
        }

        @Test
        void shouldAllowMarketingAgainOnceTheWindowRollsOn() {
            Recorder run = new Recorder(capsOnly()).run(T0.plus(Duration.ofDays(10)), dailyCarts("u1", 9));

            assertThat(run.decisions("abandoned_cart")).extracting(d -> d.findReason().orElse(null))
                    .as("day 7's cart still sees day 0's message 6.5 days earlier; day 8's does not")
                    .containsExactly(null, null, null, null, Reason.WEEKLY_CAP, Reason.WEEKLY_CAP, Reason.WEEKLY_CAP,
                            Reason.WEEKLY_CAP, null);
        }

        @Test
        void shouldSuppressWhenTheLastMessageIsTooRecentForTheWholeWindow() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofHours(12)), add("u1", "p1", T0),
                    order("u1", T0.plus(Duration.ofHours(2)), "p1"), add("u1", "p2", T0.plus(Duration.ofHours(3))));

            assertThat(run.decisions("abandoned_cart")).extracting(d -> d.findReason().orElse(null))
                    .containsExactly(null, Reason.MIN_SPACING);
            assertThat(run.decisions("abandoned_cart").get(1).trace()).last()
                    .satisfies(step -> assertThat(step.detail()).contains("16h apart needed"));
        }

        @Test
        void shouldMoveTheSendTimeToKeepSixteenHoursApartWhenTheWindowAllows() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofDays(2)), add("u1", "p1", T0),
                    order("u1", T0.plus(Duration.ofHours(2)), "p1"), view("u1", "p2", T0.plus(Duration.ofHours(3))),
                    view("u1", "p2", T0.plus(Duration.ofHours(4))));

            Decision browse = run.decisions("browse_abandonment").get(0);
            Instant firstSent = run.sent().get(0).message().sendAt();
            assertThat(browse.isScheduled()).isTrue();
            assertThat(browse.action().sendAt()).isAfterOrEqualTo(firstSent.plus(Duration.ofHours(16)));
        }

        @Test
        void shouldStopMarketingToUsersWhoIgnoreUs() {
            FatigueRules loose = new FatigueRules(Duration.ofDays(7), 10, Duration.ZERO, Map.of(), 3);
            Recorder run = new Recorder(reachable().withFatigue(loose)).run(T0.plus(Duration.ofDays(5)),
                    dailyCarts("u1", 4));

            assertThat(run.decisions("abandoned_cart")).extracting(d -> d.findReason().orElse(null))
                    .containsExactly(null, null, null, Reason.IGNORES_US);
            assertThat(run.decisions("abandoned_cart").get(3).trace()).last().satisfies(
                    step -> assertThat(step.detail()).isEqualTo("3 received in the last 7d, none opened or clicked"));
        }

        @Test
        void shouldKeepMarketingToUsersWhoOpen() {
            FatigueRules loose = new FatigueRules(Duration.ofDays(7), 10, Duration.ZERO, Map.of(), 3);
            Recorder run = new Recorder(reachable().withFatigue(loose));
            Event[] carts = dailyCarts("u1", 4);
            for (int i = 0; i < 6; i++) {
                run.engine().accept(carts[i]);
            }
            run.engine().advanceTo(T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(6)));
            String firstMessage = run.sent().get(0).message().messageId();
            run.run(T0.plus(Duration.ofDays(5)), engagement("u1", EngagementType.OPENED, firstMessage, Channel.EMAIL,
                    T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(7))), carts[6], carts[7]);

            assertThat(run.decisions("abandoned_cart")).hasSize(4).allMatch(Decision::isScheduled);
        }

        @Test
        void shouldSkipACappedChannelAndUseTheNext() {
            FatigueRules smsOnce = new FatigueRules(Duration.ofDays(7), 4, Duration.ZERO, Map.of(Channel.SMS, 1), 0);
            Event[] carts = dailyCarts("u1", 2);
            Recorder run = new Recorder(reachable().withFatigue(smsOnce)).run(T0.plus(Duration.ofDays(3)),
                    identify("u1", T0.minusSeconds(60), Map.of("preferredChannel", "sms")), carts[0], carts[1],
                    carts[2], carts[3]);

            assertThat(run.decisions("abandoned_cart")).extracting(d -> d.action().channel())
                    .containsExactly(Channel.SMS, Channel.EMAIL);
            assertThat(run.decisions("abandoned_cart").get(1).trace().get(1).detail()).contains("capped: sms 1 of 1");
        }

        @Test
        void shouldLetTransactionalMessagesBypassCaps() {
            Recorder run = new Recorder(capsOnly()).run(T0.plus(Duration.ofDays(4)), dailyCarts("u1", 4));
            run.run(T0.plus(Duration.ofDays(6)), add("u1", "p9", T0.plus(Duration.ofDays(4))),
                    shipped("u1", "o-9", T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(2))));

            assertThat(run.decisions("abandoned_cart")).last().satisfies(d -> assertThat(d.reason())
                    .isEqualTo(Reason.WEEKLY_CAP));

            assertThat(run.decisions("order_shipped")).singleElement().matches(Decision::isScheduled);
            assertThat(run.decisions("order_shipped").get(0).trace().get(1).detail()).contains("transactional");
        }
    }

    @Nested
    class Eligibility {

        @Test
        void shouldUseOnlyChannelsWithConsentForMarketing() {
            Recorder run = new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy()))
                    .run(T0.plus(Duration.ofHours(4)), identify("u1", T0, Map.of("email", "ann@example.com",
                            "phone", "+14155550123", "consent", Map.of("sms", true))), add("u1", "p1", T0));

            Decision decision = run.decisions("abandoned_cart").get(0);
            assertThat(decision.action().channel()).isEqualTo(Channel.SMS);
            assertThat(decision.trace().get(0).detail()).contains("email: no marketing consent");
        }

        @Test
        void shouldSuppressWithTheReasonWhenNoChannelIsReachable() {
            Recorder run = new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy()))
                    .run(T0.plus(Duration.ofHours(4)), identify("u1", T0, Map.of("phone", "12345",
                            "consent", Map.of("sms", true))), add("u1", "p1", T0));

            Decision decision = run.decisions("abandoned_cart").get(0);
            assertThat(decision.reason()).isEqualTo(Reason.NO_REACHABLE_CHANNEL);
            assertThat(decision.trace().get(0).detail())
                    .contains("sms: phone \"12345\" is not in E.164 form")
                    .contains("email: no email address");
        }

        @Test
        void shouldCancelAtSendTimeWhenTheUserUnsubscribedMeanwhile() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofMinutes(70)), add("u1", "p1", T0));
            String messageId = run.decisions().get(0).id();
            run.run(T0.plus(Duration.ofHours(4)), engagement("u1", EngagementType.UNSUBSCRIBED, messageId,
                    Channel.EMAIL, T0.plus(Duration.ofMinutes(80))));

            assertThat(run.sent()).isEmpty();
            assertThat(run.cancelled()).singleElement().satisfies(c -> {
                assertThat(c.step().reason()).isEqualTo(Reason.CHANNEL_UNUSABLE);
                assertThat(c.step().detail()).isEqualTo("email: no marketing consent");
            });
        }

        @Test
        void shouldMarkABouncedAddressUnusable() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofMinutes(70)), add("u1", "p1", T0));
            String messageId = run.decisions().get(0).id();
            run.run(T0.plus(Duration.ofHours(4)), engagement("u1", EngagementType.BOUNCED, messageId, Channel.EMAIL,
                    T0.plus(Duration.ofMinutes(80))));

            assertThat(run.cancelled()).singleElement()
                    .satisfies(c -> assertThat(c.step().detail()).startsWith("email: email bounced at"));
        }
    }

    @Nested
    class Priority {

        @Test
        void shouldSuppressALowerPriorityTriggerWhileAHigherOneIsScheduled() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofHours(4)),
                    view("u1", "p2", T0.minus(Duration.ofMinutes(110))),
                    view("u1", "p2", T0.minus(Duration.ofMinutes(105))),
                    add("u1", "p1", T0.minus(Duration.ofHours(1))));

            assertThat(run.decisions("browse_abandonment")).singleElement().satisfies(d -> {
                assertThat(d.reason()).isEqualTo(Reason.LOWER_PRIORITY);
                assertThat(d.trace().get(0).detail()).startsWith("abandoned_cart (priority 80) is scheduled for");
            });
        }

        @Test
        void shouldPreemptALowerPriorityMessageWhenAHigherOneFires() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofDays(9)), view("u1", "p1", T0),
                    priceChange("p1", "100", "80", T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(5))));

            assertThat(run.decisions("inactivity")).singleElement().matches(Decision::isScheduled);
            assertThat(run.cancelled()).singleElement().satisfies(c -> {
                assertThat(c.decision().occurrence().triggerId()).isEqualTo("inactivity");
                assertThat(c.step().reason()).isEqualTo(Reason.PREEMPTED);
            });
            assertThat(run.sent()).extracting(s -> s.message().triggerId()).containsExactly("price_drop");
        }
    }

    @Nested
    class QuietHoursAtSendTime {

        @Test
        void shouldMoveAPushOutOfQuietHoursWhenTheUsersTimeZoneChangesAfterScheduling() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofDays(10)), activity("u1", T0),
                    identify("u1", T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)),
                            Map.of("timezone", "Pacific/Auckland")));

            assertThat(run.sent()).singleElement().satisfies(sent -> {
                assertThat(sent.message().channel()).isEqualTo(Channel.PUSH);
                assertThat(sent.message().sendAt()).isEqualTo(Instant.parse("2024-03-12T20:00:00Z"));
                assertThat(sent.decision().trace()).last().satisfies(step -> assertThat(step.detail())
                        .contains("inside quiet hours 21:00-09:00; moved to 2024-03-12T20:00:00Z"));
            });
        }

        @Test
        void shouldSendTheShippingNoticeOnAnotherChannelWhenTheWindowIsTooShortToWait() {
            Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofDays(1)), shipped("u1", "o-1", T0),
                    identify("u1", T0.plus(Duration.ofMinutes(1)), Map.of("timezone", "Australia/Sydney")));

            assertThat(run.sent()).singleElement().satisfies(sent -> {
                assertThat(sent.message().channel()).isEqualTo(Channel.EMAIL);
                assertThat(sent.message().sendAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
                assertThat(sent.decision().trace()).last()
                        .satisfies(step -> assertThat(step.detail()).contains("sending on email instead"));
            });
        }

        @Test
        void shouldCancelWhenNoChannelCanSendOutsideQuietHoursInTheWindow() {
            Recorder run = new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())).run(
                    T0.plus(Duration.ofDays(1)), identify("u1", T0.minus(Duration.ofHours(1)),
                            Map.of("phone", "+14155550123")),
                    shipped("u1", "o-1", T0),
                    identify("u1", T0.plus(Duration.ofMinutes(1)), Map.of("timezone", "Australia/Sydney")));

            assertThat(run.sent()).isEmpty();
            assertThat(run.cancelled()).singleElement()
                    .satisfies(c -> assertThat(c.step().reason()).isEqualTo(Reason.QUIET_HOURS));
        }
    }

    @Test
    void shouldReportEveryActivityEventAsEndingInactivity() {
        Recorder run = new Recorder(reachable()).run(T0.plus(Duration.ofDays(3)), activity("u1", T0));

        assertThat(run.engine().find("u1")).get().satisfies(state -> assertThat(state.lastActivity())
                .isEqualTo(T0.toEpochMilli()));
    }
}
