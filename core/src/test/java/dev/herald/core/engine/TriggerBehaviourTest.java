package dev.herald.core.engine;

import static dev.herald.core.testing.Events.activity;
import static dev.herald.core.testing.Events.add;
import static dev.herald.core.testing.Events.identify;
import static dev.herald.core.testing.Events.order;
import static dev.herald.core.testing.Events.priceChange;
import static dev.herald.core.testing.Events.remove;
import static dev.herald.core.testing.Events.shipped;
import static dev.herald.core.testing.Events.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Reason;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The five shipped triggers, each rule of their definitions, driven through the engine in event time. */
class TriggerBehaviourTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    static Recorder recorder() {
        return new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())
                .withNewUserProfile(Profile.ASSUMED_REACHABLE));
    }

    static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Nested
    class AbandonedCart {

        @Test
        void shouldFireOneHourAfterTheAddAndSendNinetyMinutesAfterIt() {
            Recorder run = recorder().run(at(Duration.ofHours(4)), add("u1", "p1", T0));

            Decision decision = run.decisions("abandoned_cart").get(0);
            assertThat(decision.occurrence().firedAt()).isEqualTo(at(Duration.ofHours(1)));
            assertThat(decision.action().channel()).isEqualTo(Channel.EMAIL);
            assertThat(decision.action().sendAt()).isEqualTo(at(minutes(90)));
            assertThat(decision.occurrence().subject().items()).extracting(i -> i.product().id())
                    .containsExactly("p1");
            assertThat(run.sent()).singleElement()
                    .satisfies(sent -> assertThat(sent.message().sendAt()).isEqualTo(at(minutes(90))));
        }

        @Test
        void shouldNotFireWhenTheOrderIsCompletedDuringTheWait() {
            Recorder run = recorder().run(at(Duration.ofHours(4)), add("u1", "p1", T0),
                    order("u1", at(minutes(30)), "p1"));

            assertThat(run.decisions("abandoned_cart")).isEmpty();
        }

        @Test
        void shouldCancelTheScheduledMessageWhenTheOrderComesBeforeSendTime() {
            Recorder run = recorder().run(at(Duration.ofHours(4)), add("u1", "p1", T0),
                    order("u1", at(minutes(70)), "p1"));

            assertThat(run.decisions("abandoned_cart")).singleElement().matches(Decision::isScheduled);
            assertThat(run.sent()).isEmpty();
            assertThat(run.cancelled()).singleElement()
                    .satisfies(c -> assertThat(c.step().reason()).isEqualTo(Reason.EXITED));
        }

        @Test
        void shouldNotFireWhenTheCartIsEmptied() {
            Recorder run = recorder().run(at(Duration.ofHours(4)), add("u1", "p1", T0),
                    remove("u1", "p1", at(minutes(20))));

            assertThat(run.decisions("abandoned_cart")).isEmpty();
        }

        @Test
        void shouldRestartTheWaitOnEveryAdd() {
            Recorder run = recorder().run(at(Duration.ofHours(4)), add("u1", "p1", T0),
                    add("u1", "p2", at(minutes(50))));

            assertThat(run.decisions("abandoned_cart")).singleElement()
                    .satisfies(d -> assertThat(d.occurrence().firedAt()).isEqualTo(at(minutes(110))));
        }

        @Test
        void shouldMessageAtMostOncePerCart() {
            Recorder run = recorder().run(at(Duration.ofHours(8)), add("u1", "p1", T0),
                    add("u1", "p2", at(Duration.ofHours(2))));

            assertThat(run.decisions("abandoned_cart")).hasSize(2);
            assertThat(run.decisions("abandoned_cart").get(1).reason()).isEqualTo(Reason.DUPLICATE);
            assertThat(run.sent()).hasSize(1);
        }

        @Test
        void shouldMessageAgainForANewCartAfterAnOrder() {
            Recorder run = recorder().run(at(Duration.ofDays(3)), add("u1", "p1", T0),
                    order("u1", at(Duration.ofHours(5)), "p1"), add("u1", "p2", at(Duration.ofDays(2))));

            assertThat(run.decisions("abandoned_cart")).hasSize(2).allMatch(Decision::isScheduled);
            assertThat(run.decisions("abandoned_cart")).extracting(d -> d.occurrence().scopeKey())
                    .containsExactly("cart-1", "cart-2");
        }
    }

    @Nested
    class BrowseAbandonment {

        @Test
        void shouldFireTwoHoursAfterTheSecondViewOfAProduct() {
            Recorder run = recorder().run(at(Duration.ofHours(6)), view("u1", "p1", T0),
                    view("u1", "p1", at(minutes(10))));

            assertThat(run.decisions("browse_abandonment")).singleElement().satisfies(d -> {
                assertThat(d.occurrence().firedAt()).isEqualTo(at(minutes(130)));
                assertThat(d.occurrence().scopeKey()).isEqualTo("p1");
            });
        }

        @Test
        void shouldNotFireAfterASingleView() {
            Recorder run = recorder().run(at(Duration.ofHours(6)), view("u1", "p1", T0),
                    view("u1", "p2", at(minutes(10))));

            assertThat(run.decisions("browse_abandonment")).isEmpty();
        }

        @Test
        void shouldExitWhenTheProductIsAddedToTheCart() {
            Recorder run = recorder().run(at(Duration.ofHours(6)), view("u1", "p1", T0),
                    view("u1", "p1", at(minutes(10))), add("u1", "p1", at(minutes(30))));

            assertThat(run.decisions("browse_abandonment")).isEmpty();
        }

        @Test
        void shouldNotExitWhenAnotherProductIsBought() {
            Recorder run = recorder().run(at(Duration.ofHours(6)), view("u1", "p1", T0),
                    view("u1", "p1", at(minutes(10))), order("u1", at(minutes(30)), "p9"));

            assertThat(run.decisions("browse_abandonment")).hasSize(1);
        }
    }

    @Nested
    class Inactivity {

        @Test
        void shouldFireAfterSevenQuietDaysAndSendADayLater() {
            Recorder run = recorder().run(at(Duration.ofDays(10)), activity("u1", T0));

            assertThat(run.decisions("inactivity")).singleElement().satisfies(d -> {
                assertThat(d.occurrence().firedAt()).isEqualTo(at(Duration.ofDays(7)));
                assertThat(d.action().sendAt()).isEqualTo(at(Duration.ofDays(8)));
            });
        }

        @Test
        void shouldStartCountingAgainOnAnyActivity() {
            Recorder run = recorder().run(at(Duration.ofDays(13)), activity("u1", T0),
                    view("u1", "p1", at(Duration.ofDays(5))));

            assertThat(run.decisions("inactivity")).singleElement()
                    .satisfies(d -> assertThat(d.occurrence().firedAt()).isEqualTo(at(Duration.ofDays(12))));
        }

        @Test
        void shouldCancelTheScheduledMessageWhenTheUserComesBack() {
            Recorder run = recorder().run(at(Duration.ofDays(10)), activity("u1", T0),
                    activity("u1", at(Duration.ofDays(7).plusHours(3))));

            assertThat(run.cancelled()).singleElement()
                    .satisfies(c -> assertThat(c.step().reason()).isEqualTo(Reason.EXITED));
            assertThat(run.sent()).isEmpty();
        }

        @Test
        void shouldMessageAtMostOncePerThirtyDays() {
            Recorder run = recorder().run(at(Duration.ofDays(45)), activity("u1", T0),
                    activity("u1", at(Duration.ofDays(9))), activity("u1", at(Duration.ofDays(34))));

            assertThat(run.decisions("inactivity")).extracting(d -> d.findReason().orElse(null))
                    .containsExactly(null, Reason.DUPLICATE, null);
        }
    }

    @Nested
    class PriceDrop {

        @Test
        void shouldFanOutToUsersWhoViewedTheProduct() {
            Recorder run = recorder().run(at(Duration.ofDays(1)), view("u1", "p1", T0), view("u2", "p2", T0),
                    priceChange("p1", "100", "80", at(Duration.ofHours(2))));

            assertThat(run.decisions("price_drop")).singleElement().satisfies(d -> {
                assertThat(d.userId()).isEqualTo("u1");
                assertThat(d.occurrence().firedAt()).isEqualTo(at(Duration.ofHours(2)));
                assertThat(d.action().channel()).isEqualTo(Channel.PUSH);
                assertThat(d.action().sendAt()).isEqualTo(at(Duration.ofHours(2).plusMinutes(6)));
                assertThat(d.occurrence().subject().previousPrice()).isEqualByComparingTo("100");
            });
        }

        @Test
        void shouldIgnoreRisesAndSmallDrops() {
            Recorder run = recorder().run(at(Duration.ofDays(1)), view("u1", "p1", T0),
                    priceChange("p1", "100", "120", at(Duration.ofHours(1))),
                    priceChange("p1", "120", "116", at(Duration.ofHours(2))));

            assertThat(run.decisions("price_drop")).isEmpty();
        }

        @Test
        void shouldIgnoreInterestOlderThanFourteenDays() {
            Recorder run = recorder().run(at(Duration.ofDays(20)), view("u1", "p1", T0),
                    priceChange("p1", "100", "50", at(Duration.ofDays(15))));

            assertThat(run.decisions("price_drop")).isEmpty();
        }

        @Test
        void shouldIgnoreProductsTheUserAlreadyBought() {
            Recorder run = recorder().run(at(Duration.ofDays(2)), view("u1", "p1", T0),
                    order("u1", at(Duration.ofHours(1)), "p1"),
                    priceChange("p1", "100", "50", at(Duration.ofHours(2))));

            assertThat(run.decisions("price_drop")).isEmpty();
        }
    }

    @Nested
    class OrderShipped {

        @Test
        void shouldSendTheNoticeBySmsWithoutMarketingConsent() {
            Recorder run = new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy()));
            run.run(at(Duration.ofHours(4)),
                    identify("u1", T0, Map.of("phone", "+14155550123")),
                    shipped("u1", "o-1", at(minutes(1))));

            assertThat(run.decisions("order_shipped")).singleElement().satisfies(d -> {
                assertThat(d.isScheduled()).isTrue();
                assertThat(d.action().channel()).isEqualTo(Channel.SMS);
            });
            assertThat(run.sent()).singleElement()
                    .satisfies(s -> assertThat(s.message().address()).isEqualTo("+14155550123"));
        }

        @Test
        void shouldStillNeedAContactPoint() {
            Recorder run = new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy()));
            run.run(at(Duration.ofHours(4)), shipped("u1", "o-1", T0));

            assertThat(run.decisions("order_shipped")).singleElement().satisfies(d -> {
                assertThat(d.reason()).isEqualTo(Reason.NO_REACHABLE_CHANNEL);
                assertThat(d.trace().get(0).detail()).contains("sms: no phone number", "email: no email address");
            });
        }

        @Test
        void shouldNotifyOncePerOrder() {
            Recorder run = recorder().run(at(Duration.ofHours(4)), shipped("u1", "o-1", T0),
                    shipped("u1", "o-1", at(minutes(5))), shipped("u1", "o-2", at(minutes(6))));

            assertThat(run.decisions("order_shipped")).extracting(d -> d.findReason().orElse(null))
                    .containsExactly(null, Reason.DUPLICATE, null);
        }
    }
}
